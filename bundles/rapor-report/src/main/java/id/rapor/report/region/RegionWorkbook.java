package id.rapor.report.region;

import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.exchange.sheet.SheetWriter;
import id.rapor.report.text.Words;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A region's report as an Excel workbook: the units (numbers as numbers), the bands, the lists and the region's figures. */
public final class RegionWorkbook {
    private RegionWorkbook() {}

    public static byte[] write(RoundView v, Words w) {
        List<List<Object>> units = new ArrayList<>();
        for (UnitRow u : v.units()) {
            units.add(Arrays.asList(u.rank() == null ? null : BigDecimal.valueOf(u.rank()), u.unit().id(), u.unit().name(), u.region(),
                    u.status().wire(), u.official() == null ? null : u.official().index(), u.official() == null ? null : u.official().bandCode(),
                    u.official() == null ? null : u.official().role().wire(), u.self(), u.evaluator(), u.verifier(), u.gap(),
                    u.previous() == null ? null : BigDecimal.valueOf(u.previous().year()),
                    u.previous() == null ? null : u.previous().official().index(),
                    u.previous() == null || u.previous().change() == null ? null : u.previous().change().points().printed(),
                    u.previous() == null || u.previous().change() == null || u.previous().change().percent() == null ? null
                            : u.previous().change().percent().printed(),
                    u.previous() == null || u.previous().change() == null ? null : String.valueOf(u.previous().change().methodologyChanged())));
        }
        List<List<Object>> bands = new ArrayList<>();
        for (RoundView.BandCount b : v.bands()) bands.add(Arrays.asList(b.band().getCode(), b.band().getLabel(), BigDecimal.valueOf(b.units())));
        List<List<Object>> lists = new ArrayList<>();
        for (String id : v.notEntered()) lists.add(Arrays.asList(w.say("report.region.notEntered"), id));
        for (String id : v.atOrBelowUnits()) lists.add(Arrays.asList(w.say("report.region.atOrBelow", w.band(v.atOrBelow())), id));
        for (String id : v.belowAverage()) lists.add(Arrays.asList("belowAverage", id));
        List<List<Object>> summary = new ArrayList<>();
        summary.add(Arrays.asList(w.say("report.column.unit"), v.region().id()));
        summary.add(Arrays.asList(w.say("report.column.name"), v.region().name()));
        summary.add(Arrays.asList("family", v.family()));
        summary.add(Arrays.asList("year", BigDecimal.valueOf(v.year())));
        summary.add(Arrays.asList("methodology", v.methodology().id()));
        summary.add(Arrays.asList("version", v.methodology().version()));
        summary.add(Arrays.asList(w.say("report.column.index"), v.index() == null ? null : v.index().printed()));
        summary.add(Arrays.asList(w.say("report.column.band"), v.band() == null ? null : v.band().getCode()));
        summary.add(Arrays.asList("scored", BigDecimal.valueOf(v.scored())));
        summary.add(Arrays.asList("units", BigDecimal.valueOf(v.units().size())));
        summary.add(Arrays.asList(w.say("report.column.item"), RegionLines.index(v, w)));
        if (v.previous() != null) {
            summary.add(Arrays.asList("previous.year", BigDecimal.valueOf(v.previous().year())));
            summary.add(Arrays.asList("previous.index", v.previous().index().printed()));
            summary.add(Arrays.asList("change.points", v.previous().change() == null ? null : v.previous().change().points().printed()));
            summary.add(Arrays.asList("change.percent", v.previous().change() == null || v.previous().change().percent() == null ? null
                    : v.previous().change().percent().printed()));
            summary.add(Arrays.asList(w.say("report.column.change"), RegionLines.previous(v, w)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 << 10);
        try {
            SheetWriter.workbook(out, List.of(
                    new SheetWriter.Table(w.say("report.sheet.summary"), List.of(w.say("report.column.item"), w.say("report.column.value")), summary),
                    new SheetWriter.Table(w.say("report.sheet.units"), List.of(w.say("report.column.rank"), "id", w.say("report.column.name"),
                            "region", "status", w.say("report.column.index"), w.say("report.column.band"), w.say("report.column.role"),
                            w.say("report.column.self"), w.say("report.column.evaluator"), w.say("report.column.verifier"), w.say("report.column.gap"),
                            "previous.year", "previous.index", "change.points", "change.percent", "methodologyChanged"), units),
                    new SheetWriter.Table(w.say("report.sheet.bands"), List.of(w.say("report.column.band"), w.say("report.column.name"),
                            w.say("report.column.units")), bands),
                    new SheetWriter.Table(w.say("report.sheet.lists"), List.of(w.say("report.column.list"), w.say("report.column.unit")), lists)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
