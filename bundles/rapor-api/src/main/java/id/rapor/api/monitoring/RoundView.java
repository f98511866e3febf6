package id.rapor.api.monitoring;

import id.rapor.api.model.Band;
import id.rapor.api.records.Unit;
import java.util.List;

/**
 * A region's round at a glance, from its units' official scores. The units that count are the
 * offices and service units at the bottom of the region's tree (no office or service unit below
 * them): active ones always; one no longer active only in a round it has an official score in.
 * {@code index}: the mean of the {@link UnitStatus#SCORED} units' indices (the methodology's
 * {@code region.aggregation}), rounded like an index; null, with {@code empty}, when no unit has one.
 * Everything here is reproducible from {@code units}.
 *
 * @param methodology the methodology of the round: its id and the version serving, whose bands band the region
 * @param atOrBelow   the band asked for (or the default), null when the methodology has no such band
 * @param bands       how many scored units fall in each band, highest band first
 * @param regions     the regions right below this one, each rolled up from its own rows
 * @param previous    the previous round (the latest earlier year with official scores of the family), or null
 */
public record RoundView(Unit region, String family, int year, MethodVersion methodology, String aggregation,
                        Figure index, Band band, boolean empty, int scored, int pending,
                        List<UnitRow> units, List<String> notEntered, List<String> belowAverage,
                        Band atOrBelow, List<String> atOrBelowUnits, List<BandCount> bands,
                        List<RegionRow> regions, Previous previous) {
    public RoundView {
        units = List.copyOf(units);
        notEntered = List.copyOf(notEntered);
        belowAverage = List.copyOf(belowAverage);
        atOrBelowUnits = List.copyOf(atOrBelowUnits);
        bands = List.copyOf(bands);
        regions = List.copyOf(regions);
    }

    public record BandCount(Band band, int units) {}

    /** A region right below: how many of its units count and are scored, and its index made from them. */
    public record RegionRow(Unit region, int units, int scored, Figure index, Band band) {}

    /**
     * The previous round: its year, the index of the same units then (those with an official score
     * in it), its band (null when two methodologies scored it or its methodology is not served),
     * and the change to this round (null when this round has no index).
     */
    public record Previous(int year, Figure index, Band band, int scored, List<MethodVersion> methodologies, Change change) {
        public Previous {
            methodologies = List.copyOf(methodologies);
        }
    }
}
