package org.puente.architecture;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one feature; another feature asks that feature's service, it never names the table
 * in its own SQL. The SQL a class runs is read from its compiled constant pool (string constants, pieces of
 * concatenated statements, named-query annotations), so a statement built at run time is caught as well as a
 * constant. Native SQL is recognised by table names after FROM, JOIN, UPDATE or INTO; JPQL by entity names
 * there, whose owner is the entity's package.
 */
@DisplayName("Each feature's SQL names only its own tables")
class TableOwnershipTest {

    /** Which feature owns each table of the migrations in {@code sql/}. A new table must be given an owner here. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("coalition", "organization"),
            entry("organization", "organization"),
            entry("organization_logo", "organization"),
            entry("organization_editor", "organization"),
            entry("invitation", "organization"),
            entry("account", "account"),
            entry("password_reset", "account"),
            entry("coalition_event", "event"),
            entry("coalition_event_cohost", "event"),
            entry("event_registration", "event"),
            entry("event_image", "event"),
            entry("petition", "petition"),
            entry("petition_cosponsor", "petition"),
            entry("petition_image", "petition"),
            entry("petition_correction", "petition"),
            entry("signature", "petition"),
            entry("supporter", "supporter"),
            entry("supporter_event", "supporter"),
            entry("alert", "alert"),
            entry("alert_delivery", "alert"),
            entry("statement", "statement"),
            entry("statement_colead", "statement"),
            entry("statement_demand", "statement"),
            entry("statement_signatory", "statement"),
            entry("statement_revision", "statement"),
            entry("statement_delivery", "statement"),
            entry("partner_key", "partner"),
            entry("platform_secret", "platform"),
            entry("mail_outbox", "platform"));

    /**
     * Known violations, class → tables of other features it still names: none (the alert engine asks supporter
     * and petition for its audience since issue 9). Nothing may be added here; an entry that no longer matches
     * fails the test too.
     */
    static final Map<String, Set<String>> NOT_YET_OWNED = Map.of();

    private static final Path CLASSES = Path.of("target/classes/org/puente");

    /** A table list after a keyword: {@code FROM a x, b y}, {@code JOIN a}, {@code UPDATE a}, {@code INTO a}. */
    private static final Pattern TABLES = Pattern.compile(
            "(?i)\\b(?:from|join|update|into)\\s+([\\w.]+(?:\\s+(?:as\\s+)?\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+(?:as\\s+)?\\w+)?)*)");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.puente");

    @Test
    @DisplayName("every table in the migrations has exactly one owner, and every owned table exists")
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?`?(\\w+)`?");
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher matcher = create.matcher(Files.readString(file));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertEquals(created, new TreeSet<>(OWNERS.keySet()), "tables in sql/ versus owners declared here");
    }

    @Test
    @DisplayName("entities map only their own feature's tables")
    void entitiesMapTheirOwnTables() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass type : MAIN) {
            type.tryGetAnnotationOfType(Table.class).ifPresent(table -> check(type, table.name(), wrong));
            for (JavaField field : type.getFields()) {
                field.tryGetAnnotationOfType(JoinTable.class).ifPresent(join -> check(type, join.name(), wrong));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @DisplayName("no feature's SQL or JPQL names another feature's table or entity")
    void sqlNamesOnlyOwnTables() throws IOException {
        Map<String, String> names = namesWithOwners();
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = className(file);
                String feature = featureOf(className);
                for (String text : constantStrings(Files.readAllBytes(file))) {
                    for (String name : namesIn(text)) {
                        String owner = names.get(name);
                        if (owner != null && !owner.equals(feature)) {
                            found.computeIfAbsent(className, c -> new TreeSet<>())
                                    .add(name);
                        }
                    }
                }
            }
        }
        Map<String, Set<String>> unexpected = new TreeMap<>(found);
        NOT_YET_OWNED.forEach((type, tables) -> unexpected.computeIfPresent(type, (t, named) -> {
            Set<String> left = new TreeSet<>(named);
            left.removeAll(tables);
            return left.isEmpty() ? null : left;
        }));
        assertEquals(Map.of(), unexpected, "SQL that names another feature's tables: ask the owning feature's service");
        NOT_YET_OWNED.forEach((type, tables) -> assertTrue(
                found.getOrDefault(type, Set.of()).containsAll(tables),
                type + " no longer names all of " + tables + " (it names " + found.get(type)
                        + "): remove it from NOT_YET_OWNED"));
    }

    @Test
    @DisplayName("the check recognises tables and entities in native SQL, built-up SQL and JPQL")
    void recognisesNames() {
        assertEquals(
                Set.of("supporter", "signature"),
                namesIn(" FROM supporter s JOIN signature g ON g.petition_id = ? AND g.state = ?"));
        assertEquals(Set.of("alert_delivery"), namesIn("UPDATE alert_delivery SET email = ? WHERE supporter_id = ?"));
        assertEquals(
                Set.of("Petition", "Coalition"),
                namesIn(
                        "select p, c.signingPaused from Petition p, org.puente.organization.Coalition c where p.id = 1"));
        assertEquals(Set.of("Organization"), namesIn("select a from Organization o join o.editors a"));
        assertEquals(Set.of("supporter"), namesIn("INSERT INTO supporter (email, language) VALUES (?, ?)"));
        assertEquals("petition", namesWithOwners().get("Signature"));
    }

    // ---------------------------------------------------------------------------------------------

    /** Table names, and the simple names of entities (which JPQL uses), each with the owning feature. */
    private static Map<String, String> namesWithOwners() {
        Map<String, String> names = new TreeMap<>(OWNERS);
        for (JavaClass type : MAIN) {
            if (type.isAnnotatedWith(Entity.class)) {
                names.put(type.getSimpleName(), featureOf(type.getName()));
            }
        }
        return names;
    }

    private static void check(JavaClass type, String table, List<String> wrong) {
        String owner = OWNERS.get(table);
        if (!featureOf(type.getName()).equals(owner)) {
            wrong.add(type.getName() + " maps " + table + ", owned by " + owner);
        }
    }

    /** The identifiers a statement reads or writes; paths ({@code o.editors}) are not names, qualified classes are. */
    static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = TABLES.matcher(text);
        while (matcher.find()) {
            for (String item : matcher.group(1).split(",")) {
                String name = item.strip().split("\\s+")[0];
                int dot = name.lastIndexOf('.');
                if (dot >= 0) {
                    name = name.substring(dot + 1);
                    if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
                        continue;
                    }
                }
                names.add(name);
            }
        }
        return names;
    }

    private static String className(Path file) {
        String relative = CLASSES.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
        int nested = relative.indexOf('$');
        return "org.puente." + (nested < 0 ? relative : relative.substring(0, nested)).replace('/', '.');
    }

    /** {@code org.puente.petition.…} → petition; the platform is one owner like a feature. */
    private static String featureOf(String className) {
        return className.split("\\.")[2];
    }

    /** Every UTF-8 entry of a class file's constant pool: string literals, annotation values, names. */
    static List<String> constantStrings(byte[] classFile) throws IOException {
        List<String> strings = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.skipBytes(8);
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(in.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
        }
        return strings;
    }
}
