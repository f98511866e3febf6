package id.rapor.report.region;

import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.report.chart.Charts;
import id.rapor.report.pdf.PdfPages;
import id.rapor.report.text.Words;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A region's report as a PDF: its index and change, the bands as a chart, the lists, then the units' table. */
public final class RegionPdf {
    private RegionPdf() {}

    public static byte[] write(RoundView v, Words w) {
        String title = w.say("report.region.title", v.region().name());
        try (PdfPages pdf = new PdfPages(title, w.language().tag())) {
            pdf.title(title);
            pdf.text(w.say("report.region.subtitle", v.region().id(), v.region().kind().wire(), v.family(), v.year()));
            pdf.text(w.method(v.methodology()));
            pdf.heading(RegionLines.index(v, w));
            pdf.text(RegionLines.previous(v, w));

            pdf.heading(w.say("report.region.bands"));
            if (!v.bands().isEmpty()) {
                pdf.image(Charts.bars(v.bands().stream().map(b -> b.band().getCode()).toList(),
                        v.bands().stream().map(b -> BigDecimal.valueOf(b.units())).toList(), null, w.say("report.column.units"), false,
                        w.language().tag(), 460, 200), 400);
            }
            pdf.text(String.join("   ", v.bands().stream().map(b -> w.band(b.band()) + ": " + b.units()).toList()));

            pdf.heading(w.say("report.region.notEntered"));
            pdf.text(RegionLines.names(v.notEntered(), v, w));
            if (v.atOrBelow() != null) {
                pdf.heading(w.say("report.region.atOrBelow", w.band(v.atOrBelow())));
                pdf.text(RegionLines.names(v.atOrBelowUnits(), v, w));
            }

            pdf.heading(w.say("report.region.units"));
            int decimals = RegionLines.decimals(v);
            List<List<String>> rows = new ArrayList<>();
            for (UnitRow u : v.units()) rows.add(RegionLines.row(u, decimals, w));
            pdf.table(new float[] {0.07f, 0.25f, 0.09f, 0.12f, 0.09f, 0.08f, 0.09f, 0.07f, 0.14f},
                    new boolean[] {true, false, true, false, false, true, true, true, false}, RegionLines.header(w), rows);
            return pdf.finish(w.say("report.made") + " " + w.method(v.methodology()));
        }
    }
}
