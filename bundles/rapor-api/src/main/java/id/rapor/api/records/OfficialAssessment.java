package id.rapor.api.records;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which assessment is a round's official score: a final one, of the highest role (verifier over
 * evaluator over self), the latest of that role. One rule, for the records and for every list that
 * marks it.
 */
public final class OfficialAssessment {
    private static final Comparator<AssessmentRecord> PRECEDENCE = (a, b) -> compare(a.role(), a.id(), b.role(), b.id());

    private OfficialAssessment() {}

    /**
     * The rule itself, for readers that hold less than a whole {@link AssessmentRecord} (the
     * monitoring reads only the scores): of two final assessments of one round, the one with the
     * higher role, then the later one (the higher id), ranks higher (a positive result: the first).
     */
    public static int compare(AssessmentRole roleA, long idA, AssessmentRole roleB, long idB) {
        int byRole = roleA.compareTo(roleB);
        return byRole != 0 ? byRole : Long.compare(idA, idB);
    }

    /** The official one of {@code round}: the assessments of one unit, family and year. */
    public static Optional<AssessmentRecord> of(Collection<AssessmentRecord> round) {
        return round.stream().filter(a -> a.state() == AssessmentState.FINAL).max(PRECEDENCE);
    }

    /** The ids of the official ones of each round among {@code assessments} (one unit's, every round they hold whole). */
    public static Set<Long> ofEachRound(Collection<AssessmentRecord> assessments) {
        Map<String, Optional<AssessmentRecord>> byRound = assessments.stream().collect(Collectors.groupingBy(
                a -> a.family() + "/" + a.year(), Collectors.filtering(a -> a.state() == AssessmentState.FINAL,
                        Collectors.maxBy(PRECEDENCE))));
        return byRound.values().stream().flatMap(Optional::stream).map(AssessmentRecord::id).collect(Collectors.toUnmodifiableSet());
    }
}
