package id.rapor.exchange.tables;

import java.util.List;

/** Edited tables refused whole, nothing proposed: every wrong cell, sheet or row. */
public class TablesRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<TableProblem> problems;

    public TablesRefusedException(List<TableProblem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public List<TableProblem> problems() { return problems; }
}
