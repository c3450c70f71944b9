package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.puente.account.Caller;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.EmailAddresses;
import org.puente.platform.security.Role;
import org.puente.platform.web.CsvReader;

/**
 * Staff bring in supporters from a spreadsheet: one CSV with a header row and an explicit consent on
 * every row. The file is read and checked whole first (a file that is not CSV, or lacks the email or
 * consent column, imports nothing); then rows are written in batches of {@value #BATCH}, one transaction
 * each. A batch that fails is written again one row per transaction, so a row can only refuse itself:
 * every row is all-or-nothing, and a refused row never stops the valid ones.
 */
@ApplicationScoped
public class SupporterImport {

    private static final Logger LOG = Logger.getLogger(SupporterImport.class.getName());

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;
    static final int BATCH = 500;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[\\p{L}\\p{N} -]*");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "si");

    /** Column names as people write them, in either language, after {@link #normalise}. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("email", "email"),
            Map.entry("e_mail", "email"),
            Map.entry("email_address", "email"),
            Map.entry("correo", "email"),
            Map.entry("correo_electronico", "email"),
            Map.entry("first_name", "first_name"),
            Map.entry("firstname", "first_name"),
            Map.entry("nombre", "first_name"),
            Map.entry("last_name", "last_name"),
            Map.entry("lastname", "last_name"),
            Map.entry("apellido", "last_name"),
            Map.entry("apellidos", "last_name"),
            Map.entry("postal_code", "postal_code"),
            Map.entry("zip", "postal_code"),
            Map.entry("zip_code", "postal_code"),
            Map.entry("codigo_postal", "postal_code"),
            Map.entry("country", "country"),
            Map.entry("pais", "country"),
            Map.entry("language", "language"),
            Map.entry("idioma", "language"),
            Map.entry("consent", "consent"),
            Map.entry("consentimiento", "consent"));

    @Inject
    Caller caller;

    @Inject
    SupporterService supporters;

    @Inject
    Countries countries;

    /**
     * Imports the file, with the consent source {@code import: <file name>}.
     *
     * @throws ImportRefusedException when the file as a whole cannot be imported; then nothing was
     */
    public ImportReport importFile(String fileName, byte[] content) {
        caller.require(Role.ADMIN, Role.STAFF);
        if (content.length > MAX_BYTES) {
            throw new ImportRefusedException("supporters.import.tooLarge");
        }
        long started = System.nanoTime();
        String name = cleanFileName(fileName);
        CsvReader csv = new CsvReader(decode(content));
        List<ImportReport.Row> report = new ArrayList<>();
        Map<String, Candidate> people = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        try {
            Map<String, Integer> columns = columns(csv.next());
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                if (report.size() == MAX_ROWS) {
                    throw new ImportRefusedException("supporters.import.tooManyRows", MAX_ROWS);
                }
                report.add(check(csv.recordNumber(), cells, columns, people, firstRow, countries));
            }
        } catch (CsvReader.MalformedCsvException e) {
            LOG.info(() -> "import of " + name + " refused: " + e.getMessage());
            throw new ImportRefusedException("supporters.import.notCsv");
        }
        if (report.isEmpty()) {
            throw new ImportRefusedException("supporters.import.empty");
        }
        long checked = System.nanoTime();
        Map<String, ImportReport.Row> written = write(new ArrayList<>(people.values()), "import: " + name);
        LOG.info(() -> "import of " + name + ": " + report.size() + " rows checked in "
                + (checked - started) / 1_000_000 + " ms, " + people.size() + " people written in "
                + (System.nanoTime() - checked) / 1_000_000 + " ms");
        List<ImportReport.Row> rows = report.stream()
                .map(row -> {
                    if (row.outcome() != null) {
                        return row;
                    }
                    ImportReport.Row done = written.get(row.reason());
                    return new ImportReport.Row(
                            row.number(), row.email(), done.outcome(), done.reason(), done.argument());
                })
                .toList();
        return ImportReport.of(name, rows);
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new ImportRefusedException("supporters.import.notCsv");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ImportRefusedException("supporters.import.notCsv");
        }
    }

    /** Where each known column is; the email and consent columns are required. */
    static Map<String, Integer> columns(List<String> header) {
        if (header == null) {
            throw new ImportRefusedException("supporters.import.notCsv");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = COLUMNS.get(normalise(header.get(i)));
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("email", "consent")) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRefusedException("supporters.import.missingColumns", String.join(", ", missing));
        }
        return columns;
    }

    /**
     * Checks one record. A refused row comes back refused; a good one joins {@code people} (merged with an
     * earlier row for the same canonical address) and comes back without an outcome, which the write decides
     * (its canonical address standing in the reason meanwhile).
     */
    static ImportReport.Row check(
            int number,
            List<String> cells,
            Map<String, Integer> columns,
            Map<String, Candidate> people,
            Map<String, Integer> firstRow,
            Countries countries) {
        String email = cell(cells, columns, "email");
        if (email.isEmpty()) {
            return refused(number, email, "supporters.import.reason.noEmail", null);
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return refused(number, email, "supporters.import.reason.badEmail", null);
        }
        if (!YES.contains(normalise(cell(cells, columns, "consent")))) {
            return refused(number, email, "supporters.import.reason.noConsent", null);
        }
        Optional<String> parsedCountry = countries.parse(cell(cells, columns, "country"));
        if (parsedCountry.isEmpty()) {
            return refused(number, email, "supporters.import.reason.badCountry", null);
        }
        String country = parsedCountry.get();
        String languageCell = cell(cells, columns, "language");
        Language language = languageCell.isEmpty()
                ? Language.EN
                : Language.parse(languageCell).orElse(null);
        if (language == null) {
            return refused(number, email, "supporters.import.reason.badLanguage", languageCell);
        }
        String firstName = cell(cells, columns, "first_name");
        String lastName = cell(cells, columns, "last_name");
        String postalCode = cell(cells, columns, "postal_code");
        if (firstName.length() > 100
                || lastName.length() > 100
                || firstName.chars().anyMatch(Character::isISOControl)
                || lastName.chars().anyMatch(Character::isISOControl)) {
            return refused(number, email, "supporters.import.reason.badName", null);
        }
        if (postalCode.length() > 20 || !POSTAL_CODE.matcher(postalCode).matches()) {
            return refused(number, email, "supporters.import.reason.badPostalCode", null);
        }
        String canonical = EmailAddresses.canonical(email);
        Candidate candidate = new Candidate(
                canonical, email, firstName, lastName, postalCode.isEmpty() ? null : postalCode, country, language);
        Integer earlier = firstRow.putIfAbsent(canonical, number);
        people.put(canonical, candidate);
        if (earlier != null) {
            return new ImportReport.Row(
                    number, email, ImportOutcome.MERGED, "supporters.import.reason.sameAs", String.valueOf(earlier));
        }
        return new ImportReport.Row(number, email, null, canonical, null);
    }

    /** Writes the people in batches; the report row of each person's first row, by canonical address. */
    private Map<String, ImportReport.Row> write(List<Candidate> people, String source) {
        Map<String, ImportOutcome> outcomes = new HashMap<>();
        for (int from = 0; from < people.size(); from += BATCH) {
            List<Candidate> batch = people.subList(from, Math.min(people.size(), from + BATCH));
            try {
                outcomes.putAll(supporters.importConsents(batch, source));
            } catch (RuntimeException batchFailed) {
                LOG.log(Level.WARNING, "import batch failed, writing its rows one by one", batchFailed);
                for (Candidate one : batch) {
                    try {
                        outcomes.putAll(supporters.importConsents(List.of(one), source));
                    } catch (RuntimeException rowFailed) {
                        LOG.log(Level.WARNING, "import row failed: " + one.canonical(), rowFailed);
                    }
                }
            }
        }
        Map<String, ImportReport.Row> rows = new HashMap<>();
        for (Candidate person : people) {
            ImportOutcome outcome = outcomes.get(person.canonical());
            rows.put(
                    person.canonical(),
                    outcome == null
                            ? new ImportReport.Row(
                                    0, person.email(), ImportOutcome.REFUSED, "supporters.import.reason.notSaved", null)
                            : new ImportReport.Row(
                                    0,
                                    person.email(),
                                    outcome,
                                    outcome == ImportOutcome.KEPT ? "supporters.import.reason.suppressed" : null,
                                    null));
        }
        return rows;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    private static ImportReport.Row refused(int number, String email, String reason, String argument) {
        return new ImportReport.Row(
                number,
                email.length() > 254 ? email.substring(0, 254) : email,
                ImportOutcome.REFUSED,
                reason,
                argument);
    }

    /** Lower case, no accents, words joined by underscores: "Código postal" → "codigo_postal", "Sí" → "si". */
    static String normalise(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s-]+", "_");
    }

    static String cleanFileName(String fileName) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll(".*[/\\\\]", "")
                        .replaceAll("\\p{Cntrl}", "")
                        .strip();
        if (name.isEmpty()) {
            name = "upload.csv";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** A checked row, ready to write. */
    public record Candidate(
            String canonical,
            String email,
            String firstName,
            String lastName,
            String postalCode,
            String country,
            Language language) {}
}
