package id.rapor.api.model;

/** What a methodology is scored on. */
public enum InputKind {
    /** One answer per indicator (PEKPPP, Ombudsman). */
    ANSWERS,
    /** Each survey respondent's answer per element (SKM/IKM). */
    RESPONDENTS
}
