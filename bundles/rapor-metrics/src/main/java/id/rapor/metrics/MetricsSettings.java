package id.rapor.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/id.rapor.metrics.cfg: who may read GET /metrics. Applied while Rapor runs. */
@ObjectClassDefinition(name = "Rapor metrics", description = "GET /metrics in the Prometheus text format")
@interface MetricsSettings {
    String PID = "id.rapor.metrics";

    @AttributeDefinition(description = "off (404, nothing counted), open (anyone who reaches the port), "
            + "token (Authorization: Bearer <token> only)")
    String access() default "off";

    @AttributeDefinition(description = "The bearer token for access=token: at least 32 characters")
    String token() default "";
}
