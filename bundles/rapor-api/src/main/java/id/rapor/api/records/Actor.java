package id.rapor.api.records;

/** Who changes a record and from where, for the audit trail. */
public record Actor(String user, String address) {}
