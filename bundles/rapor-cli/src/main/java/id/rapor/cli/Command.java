package id.rapor.cli;

import id.rapor.client.Call;
import id.rapor.client.Types;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The commands: what each sends and how its answer is shown. */
enum Command {
    METHODOLOGIES(0, "methodologies", "list the methodologies, their families and years") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.methodologies(), Tables::methodologies);
        }
    },
    QUESTIONNAIRE(1, "questionnaire ID", "a methodology's aspects, indicators (ids and printed codes) and answers, bands and provenance") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.methodology(a.operand(0)), Tables::questionnaire);
        }
    },
    SCORE(2, "score ID|FAMILY:YEAR ASSESSMENT.json", "score one unit: {\"unit\":…,\"answers\":{…}} or {\"unit\":…,\"respondents\":[…]}") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice methodology = MethodologyChoice.parse(a.operand(0));
            print.answer(methodology.score(AssessmentFile.read(Path.of(a.operand(1)))), Tables::score);
        }
    },
    BATCH(2, "batch ID|FAMILY:YEAR UNITS.csv [--region NAME] [--at-or-below BAND] [--csv]",
            "score a region's units from CSV: header unit,<indicator id or code>,…; a row per unit, or per respondent for a survey (SKM)",
            "--region", "--at-or-below", "--csv") {
        @Override
        void run(Arguments a, Printer print) {
            Batch.run(a, print);
        }
    },
    PLAN(2, "plan ID[@N] ASSESSMENT.json [--target BAND] [--costs I=C,…] [--fixed I,…]",
            "the cheapest answer improvements that reach BAND (default the band above), exact over the methodology's tables: fewest level"
                    + " steps, or --costs per level step by indicator (e.g. i14=0.5,i16=10); --fixed indicators cannot change; @N a revision",
            "--target", "--costs", "--fixed") {
        @Override
        void run(Arguments a, Printer print) {
            Advising.Rules rules = Advising.Rules.parse(a.operand(0));
            Types.PlanRequest request = Advising.plan(Path.of(a.operand(1)), a.option("--target"), a.option("--costs"), a.option("--fixed"));
            print.answer(rules.revision() == null ? Call.plan(rules.methodology(), request)
                    : Call.plan(rules.methodology(), rules.revision(), request), Tables::plan);
        }
    },
    PLAN_ASSESSMENT(1, "plan-assessment ID [--target BAND]", "records: the plan for a stored assessment, by the rules that scored it",
            "--target") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.plan(assessmentId(a.operand(0)), a.option("--target")), Tables::plan);
        }
    },
    COMPARE(4, "compare ID[@N] BEFORE.json ID[@N] AFTER.json|=",
            "why an index moved between two methodologies or revisions (e.g. pekppp-2017 and pekppp-2022, or pekppp-2022 and pekppp-2022@3):"
                    + " the difference split exactly into weights, answers, indicators removed and added; = for the same answers") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.compare(new Types.CompareRequest(null, Advising.side(a.operand(0), a.operand(1)),
                    Advising.side(a.operand(2), a.operand(3)))), Tables::comparison);
        }
    },
    COMPARE_ASSESSMENT(1, "compare-assessment ID [--methodology ID[@N]]",
            "records: a stored assessment's score against its answers scored by the rules serving now (or --methodology)", "--methodology") {
        @Override
        void run(Arguments a, Printer print) {
            String now = a.option("--methodology");
            Advising.Rules rules = now == null ? new Advising.Rules(null, null) : Advising.Rules.parse(now);
            print.answer(Call.compare(new Types.CompareRequest(null, Types.CompareSide.stored(assessmentId(a.operand(0))),
                    new Types.CompareSide(rules.methodology(), rules.revision(), null, null))), Tables::comparison);
        }
    },
    DEPLOYMENTS(0, "deployments", "every rule bundle: its state, the version serving, its errors") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.deployments(), Tables::deployments);
        }
    },
    REVISIONS(1, "revisions ID", "policy: a methodology's revisions, their state, author and comment") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.revisions(a.operand(0)), Tables::revisions);
        }
    },
    TABLES(2, "tables ID FOLDER", "policy: write the tables serving now into a new FOLDER, to edit and propose") {
        @Override
        void run(Arguments a, Printer print) {
            Revising.tables(a.operand(0), Path.of(a.operand(1)), print);
        }
    },
    PROPOSE(2, "propose ID FOLDER --comment WHY", "policy: propose the files of FOLDER that differ from those serving as a new revision",
            "--comment") {
        @Override
        void run(Arguments a, Printer print) {
            Revising.propose(a.operand(0), Path.of(a.operand(1)), a.option("--comment"), print);
        }

        @Override
        Set<String> requiredOptions() {
            return Set.of("--comment");
        }
    },
    IMPACT(3, "impact ID N UNITS.csv", "policy: which units' index or band revision N would change (UNITS.csv as for batch)") {
        @Override
        void run(Arguments a, Printer print) {
            Revising.impact(a.operand(0), Revising.number(a.operand(1)), Path.of(a.operand(2)), print);
        }
    },
    DIFF(3, "diff ID A B", "policy: what differs from revision A to revision B, row by row (0: the rule bundles)") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.diff(a.operand(0), Revising.number(a.operand(1)), Revising.number(a.operand(2))), Tables::diff);
        }
    },
    ACTIVATE(2, "activate ID N", "policy: serve revision N from now on (an earlier one: a rollback; 0: the rule bundles again)") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.activate(a.operand(0), Revising.number(a.operand(1))), Tables::activated);
        }
    },
    UNITS(0, "units [--region ID]", "records: the top regions, or a region and every unit below it", "--region") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.units(a.option("--region")), Tables::units);
        }
    },
    IMPORT_UNITS(1, "import-units UNITS.csv", "admin: add or change units from CSV: header id,name,kind,parent (id may be empty); all rows or none") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.importUnits(TextFile.read(Path.of(a.operand(0)))), (t, result) -> t.units(result.units()));
        }
    },
    ASSESSMENTS(1, "assessments UNIT [--year YEAR] [--family FAMILY]", "records: a unit's assessments, newest first, the official one marked",
            "--year", "--family") {
        @Override
        void run(Arguments a, Printer print) {
            String year = a.option("--year");
            print.answer(Call.assessments(a.operand(0), year == null ? null : year(year), a.option("--family")), Tables::assessments);
        }
    },
    ENTER(4, "enter UNIT FAMILY:YEAR ROLE ASSESSMENT.json [--comment TEXT]",
            "records: enter an assessment of UNIT for the round (ROLE: self, evaluator or verifier); scored at once, a draft",
            "--comment") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice round = MethodologyChoice.parse(a.operand(1));
            if (round.family() == null) throw new UsageException("the round is FAMILY:YEAR, such as pekppp:2024");
            Types.Assessment answers = AssessmentFile.read(Path.of(a.operand(3)));
            print.answer(Call.enter(a.operand(0), new Types.AssessmentRequest(round.year(), round.family(), null, a.operand(2),
                    answers.answers(), answers.respondents(), a.option("--comment"), null)), Tables::assessment);
        }
    },
    EXPORT_ROUND(3, "export-round REGION FAMILY:YEAR FILE.csv|FILE.xlsx",
            "records: the round's assessments of REGION's units as a sheet, a row per unit and role, a column per indicator; "
                    + "an Excel workbook when FILE ends in .xlsx, else CSV") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice round = byYear(a.operand(1));
            Path file = print.client().exportRound(a.operand(0), round.family(), round.year(), Path.of(a.operand(2)));
            print.line("wrote " + file);
        }
    },
    IMPORT_ROUND(3, "import-round REGION FAMILY:YEAR FILE.csv|FILE.xlsx",
            "records: enter each row of a round's sheet (as export-round writes it) as a new draft, scored at once; all rows or none, "
                    + "every wrong cell named by row and column") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice round = byYear(a.operand(1));
            Path file = Path.of(a.operand(2));
            if (!java.nio.file.Files.isRegularFile(file)) throw new InputException("no such file: " + file);
            try {
                print.answer(Call.importRound(a.operand(0), round.family(), round.year(), file), Tables::imported);
            } catch (id.rapor.client.RaporException e) {
                if (e.status() == 422 && !e.errors().isEmpty()) throw NotDone.sheetRefused(e);
                throw e;
            }
        }
    },
    SUBMIT(1, "submit ID", "records: a draft assessment is submitted (it waits for a verifier)") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.submit(assessmentId(a.operand(0))), Tables::assessment);
        }
    },
    FINALIZE(1, "finalize ID", "records (verifier): a submitted assessment becomes final and never changes again") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.finalizeAssessment(assessmentId(a.operand(0))), Tables::assessment);
        }
    },
    RESCORE(1, "rescore ID", "records: score an assessment's answers again by the rules serving now, as a new draft (it keeps its score)") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.rescore(assessmentId(a.operand(0))), Tables::assessment);
        }
    },
    OFFICIAL(2, "official UNIT FAMILY:YEAR", "records: the unit's official score of the round (the latest final one of the highest role)") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice round = MethodologyChoice.parse(a.operand(1));
            if (round.family() == null) throw new UsageException("the round is FAMILY:YEAR, such as pekppp:2024");
            print.answer(Call.official(a.operand(0), round.year(), round.family()), Tables::assessment);
        }
    },
    RECORDS_AUDIT(0, "records-audit [--unit UNIT | --assessment ID]",
            "admin: the records' audit trail, every change to units, assessments and evidence, newest first", "--unit", "--assessment") {
        @Override
        void run(Arguments a, Printer print) {
            String unit = a.option("--unit");
            String assessment = a.option("--assessment");
            if (unit != null && assessment != null) throw new UsageException("give --unit or --assessment, not both");
            Long id;
            try {
                id = assessment == null ? null : Long.valueOf(assessment);
            } catch (NumberFormatException e) {
                throw new UsageException("--assessment is an assessment's id, a whole number, not '" + assessment + "'");
            }
            print.answer(Call.recordAudit(unit, id), Tables::recordChanges);
        }
    },
    MONITORING(0, "monitoring --region ID --year YEAR --family FAMILY|--methodology ID [--at-or-below BAND]",
            "monitoring: a region's round at a glance: its index, each unit's official score, rank and change since the previous round, "
                    + "who entered nothing, who is below the index or at or below BAND (C by default)",
            "--region", "--year", "--family", "--methodology", "--at-or-below") {
        @Override
        void run(Arguments a, Printer print) {
            if (a.option("--family") == null && a.option("--methodology") == null) {
                throw new UsageException("usage: rapor-cli " + synopsis() + " (--family or --methodology is missing)");
            }
            print.answer(Call.monitoring(new Types.MonitoringQuery(a.region(), year(a.option("--year")), a.option("--family"),
                    a.option("--methodology"), a.atOrBelow())), Tables::monitoring);
        }

        @Override
        Set<String> requiredOptions() {
            return Set.of("--region", "--year");
        }
    },
    HISTORY(1, "history UNIT --family FAMILY", "monitoring: every round of a unit (its official scores) or of a region (its index), oldest first",
            "--family") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.history(a.operand(0), a.option("--family")), Tables::history);
        }

        @Override
        Set<String> requiredOptions() {
            return Set.of("--family");
        }
    },
    REPORT(0, "report --unit ID --year YEAR --family FAMILY --out FILE.pdf|FILE.xlsx [--format pdf|xlsx] [--language id|en]",
            "reports: the unit's report card of the round (its rapor: index, band, aspects, indicators, self against evaluator, change, "
                    + "what it takes to reach the next band) saved as a PDF, or an Excel workbook when FILE ends in .xlsx",
            "--unit", "--year", "--family", "--out", "--format", "--language") {
        @Override
        void run(Arguments a, Printer print) {
            Path out = Path.of(a.option("--out"));
            save(out, print.client().unitReport(a.option("--unit"), a.option("--family"), year(a.option("--year")), reportFormat(a, out),
                    a.option("--language")), print);
        }

        @Override
        Set<String> requiredOptions() {
            return Set.of("--unit", "--year", "--family", "--out");
        }
    },
    REGION_REPORT(0, "region-report --region ID --year YEAR --family FAMILY --out FILE.pdf|FILE.xlsx [--format pdf|xlsx] [--language id|en]",
            "reports: the region's report of the round (its index and change, the units' table, the bands as a chart, who entered "
                    + "nothing, who is at or below C) saved as a PDF, or an Excel workbook when FILE ends in .xlsx",
            "--region", "--year", "--family", "--out", "--format", "--language") {
        @Override
        void run(Arguments a, Printer print) {
            Path out = Path.of(a.option("--out"));
            save(out, print.client().regionReport(a.region(), a.option("--family"), year(a.option("--year")), reportFormat(a, out),
                    a.option("--language")), print);
        }

        @Override
        Set<String> requiredOptions() {
            return Set.of("--region", "--year", "--family", "--out");
        }
    },
    ATTACH(3, "attach ID INDICATOR FILE", "records: attach a document (PDF, image, office file) to an indicator of a draft assessment") {
        @Override
        void run(Arguments a, Printer print) {
            Path file = Path.of(a.operand(2));
            if (!java.nio.file.Files.isRegularFile(file)) throw new InputException("no such file: " + file);
            print.answer(Call.attachEvidence(assessmentId(a.operand(0)), a.operand(1), file), Tables::attached);
        }
    },
    EVIDENCE(1, "evidence ID", "records: the documents attached to an assessment, indicator by indicator, with their SHA-256") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.evidence(assessmentId(a.operand(0))), Tables::evidence);
        }
    },
    LOAD_EXAMPLES(0, "load-examples [--file FILE]",
            "admin: load the published history as example data (units under region contoh, final assessments); a second run adds nothing",
            "--file") {
        @Override
        void run(Arguments a, Printer print) {
            ExampleHistory.read(ExampleHistory.file(a.option("--file"))).load(print.client(), print);
        }
    },
    APPROVE(2, "approve ID N", "policy: approve revision N of another policy user, where approval.required is set") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.approveRevision(a.operand(0), Revising.number(a.operand(1))), Tables::approved);
        }
    },
    ACCEPT_GOLDEN(2, "accept-golden ID N",
            "policy: for revision N, rejected only because its tables moved golden cases' numbers, propose those numbers as expected") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.acceptGoldenChanges(a.operand(0), Revising.number(a.operand(1))), Tables::proposed);
        }
    },
    AUDIT(0, "audit [--methodology ID]", "policy: the audit trail, every change and refused attempt", "--methodology") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.audit(a.option("--methodology")), Tables::audit);
        }
    };

    private final int operands;
    private final String synopsis;
    private final String description;
    private final Set<String> options;

    Command(int operands, String synopsis, String description, String... options) {
        this.operands = operands;
        this.synopsis = synopsis;
        this.description = description;
        this.options = Set.of(options);
    }

    abstract void run(Arguments arguments, Printer print);

    int operands() { return operands; }

    String synopsis() { return synopsis; }

    /** The options of this command besides the global --url and --json. */
    Set<String> options() { return options; }

    Set<String> requiredOptions() { return Set.of(); }

    /** The word that names the command on the command line. */
    String word() { return synopsis.split(" ", 2)[0]; }

    /** A round's year, such as 2024. */
    /** --format, else the file's extension: .xlsx a workbook, anything else a PDF. */
    static String reportFormat(Arguments a, Path out) {
        String format = a.option("--format");
        if (format == null) return out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "pdf";
        if (!format.equals("pdf") && !format.equals("xlsx")) throw new UsageException("--format is pdf or xlsx, not '" + format + "'");
        return format;
    }

    /** A report's bytes to {@code out}, replaced if there. */
    static void save(Path out, byte[] report, Printer print) {
        try {
            java.nio.file.Files.write(out, report);
        } catch (java.io.IOException e) {
            throw new InputException("cannot write " + out + ": " + e.getMessage());
        }
        print.line("wrote " + out + " (" + report.length + " bytes)");
    }

    static int year(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--year takes a year such as 2024, not '" + s + "'");
        }
    }

    /** A round: FAMILY:YEAR. */
    static MethodologyChoice byYear(String operand) {
        MethodologyChoice round = MethodologyChoice.parse(operand);
        if (round.family() == null) throw new UsageException("the round is FAMILY:YEAR, such as pekppp:2024");
        return round;
    }

    /** An assessment's id as the records number them (1, 2, …). */
    static long assessmentId(String s) {
        try {
            long id = Long.parseLong(s);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("'" + s + "' is not an assessment id (1, 2, …; rapor-cli assessments UNIT lists them)");
    }

    static Command named(String word) {
        for (Command c : values()) if (c.word().equals(word)) return c;
        throw new UsageException("unknown command '" + word + "'");
    }

    /** The commands that take an option, for a message. */
    static String takingOption(String option) {
        return Arrays.stream(values()).filter(c -> c.options.contains(option)).map(Command::word).collect(Collectors.joining(" and "));
    }

    static String usage() {
        StringBuilder s = new StringBuilder("usage: rapor-cli [--url URL] [--json] COMMAND\n");
        for (Command c : values()) s.append("  ").append(c.synopsis).append("\n      ").append(c.description).append('\n');
        s.append("--url defaults to $RAPOR_URL, else ").append(Arguments.DEFAULT_URL).append("; --json prints the server's JSON as it is.\n");
        s.append("CSV files may be comma-separated, or semicolon-separated with decimal commas (as spreadsheets save CSV in Indonesian).\n");
        s.append("policy commands, and scoring where it needs a login: set $RAPOR_USER and $RAPOR_PASSWORD.\n");
        s.append("Exit 0 when done, 1 when Rapor refuses, cannot be reached, refuses a unit or rejects a revision, 2 for a wrong command line or file.");
        return s.toString();
    }
}
