package id.rapor.api.monitoring;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.records.RecordException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A region's round and a unit's rounds, from the stored official scores. Reads only; a few
 * queries per answer, whatever the number of units (never one per unit).
 */
@ProviderType
public interface MonitoringService {

    /**
     * The round's view of a region. Refusals: no such region ({@link id.rapor.api.records.RecordNotFoundException}),
     * no methodology of the family for the year ({@link UnknownYearException}), a methodology named that is not known
     * or not serving, and {@link MonitoringQueryException} for a region without units, a band that is not the
     * methodology's, a methodology of another family, or a round scored by two methodologies with none named.
     * A round nobody has a final score in is an answer: an empty view.
     */
    RoundView round(RoundQuery query) throws RecordException, MonitoringQueryException, UnknownYearException,
            UnknownMethodologyException, MethodologyUnavailableException;

    /** Every round of a unit of {@code family} (its official scores), or of a region (its index), oldest first. */
    History history(String unitId, String family) throws RecordException, MonitoringQueryException, UnknownYearException;
}
