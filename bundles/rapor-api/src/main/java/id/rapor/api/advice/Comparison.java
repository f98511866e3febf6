package id.rapor.api.advice;

import id.rapor.api.model.Band;
import id.rapor.api.model.CrosswalkEntry;
import id.rapor.api.model.Presentation;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.List;

/**
 * One unit scored under two methodologies (or two revisions of one), and the difference of its
 * indices split into parts that add up to it exactly. {@code parts} is empty when the two share
 * no inputs ({@code decomposed} false, {@code reason} says why); the indices are then still
 * compared under both band schemes ({@code bands}).
 */
public record Comparison(Side before, Side after, BigDecimal difference, boolean decomposed, List<Part> parts,
                         List<BandUnder> bands, List<CrosswalkEntry> crosswalk, String crosswalkOf,
                         List<Message> method, Message reason, Presentation presentation) {

    /** One side: the rules that scored it and what they gave. */
    public record Side(String methodologyId, String methodologyVersion, String unit, BigDecimal index,
                       BigDecimal unroundedIndex, Band band) {}

    /**
     * One step of the decomposition ({@code kind}: weights, answers, removed, added): the index
     * went from {@code from} to {@code to} (each rounded as the methodology rounds its index) by
     * this change alone; {@code change} = to − from. {@code indicators} names what it touched.
     */
    public record Part(String kind, BigDecimal from, BigDecimal to, BigDecimal change, List<String> indicators, Message explanation) {}

    /** An index ({@code of}: before or after) banded under one side's scheme ({@code scheme}). */
    public record BandUnder(String of, BigDecimal index, String scheme, Band band) {}
}
