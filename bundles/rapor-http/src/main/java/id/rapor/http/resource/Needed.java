package id.rapor.http.resource;

import id.rapor.http.json.HttpProblem;

/** A service a resource needs that may come and go (the records, while the database is not there): 503 when absent. */
@FunctionalInterface
public interface Needed<T> {
    T get() throws HttpProblem;
}
