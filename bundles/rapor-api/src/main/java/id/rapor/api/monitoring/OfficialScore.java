package id.rapor.api.monitoring;

import id.rapor.api.records.AssessmentRole;
import java.math.BigDecimal;

/** A unit's official score of a round: which assessment, whose role, its index and band as stored, and what scored it. */
public record OfficialScore(long assessment, AssessmentRole role, BigDecimal index, String bandCode, String bandLabel,
                            MethodVersion methodology) {}
