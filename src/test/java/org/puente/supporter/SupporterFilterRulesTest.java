package org.puente.supporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;

@DisplayName("What staff look for in the supporter list")
class SupporterFilterRulesTest {

    /** The parameters the filter binds, by name. */
    static Map<String, Object> bound(SupporterFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Query query = (Query) Proxy.newProxyInstance(
                SupporterFilterRulesTest.class.getClassLoader(),
                new Class<?>[] {Query.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setParameter") && args.length == 2 && args[0] instanceof String name) {
                        parameters.put(name, args[1]);
                        return proxy;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        filter.bind(query);
        return parameters;
    }

    @Test
    @DisplayName("an empty or blank search means everyone; text is trimmed and cut at 100 characters")
    void queryIsCleaned() {
        assertNull(new SupporterFilter("   ", null, null).query());
        assertNull(new SupporterFilter(null, null, null).query());
        assertEquals("rosa", new SupporterFilter("  rosa \t", null, null).query());
        assertEquals(
                SupporterFilter.MAX_QUERY,
                new SupporterFilter("x".repeat(500), null, null).query().length());
        SupporterFilter everyone = new SupporterFilter(null, null, null);
        assertEquals("1 = 1", everyone.where());
        assertEquals(Map.of(), bound(everyone));
    }

    @Test
    @DisplayName("from request parameters: status and language in any case; an unknown one means any")
    void leniantParameters() {
        SupporterFilter filter = SupporterFilter.of("ana", " unsubscribed ", "ES");
        assertEquals(SupporterStatus.UNSUBSCRIBED, filter.status());
        assertEquals(Language.ES, filter.language());
        SupporterFilter unknown = SupporterFilter.of(null, "DELETED", "fr");
        assertNull(unknown.status());
        assertNull(unknown.language());
        assertEquals("1 = 1", unknown.where());
        assertEquals(Language.EN, SupporterFilter.of(null, null, "en-US").language());
    }

    @Test
    @DisplayName("status and language narrow the list, bound as values")
    void statusAndLanguage() {
        SupporterFilter filter = new SupporterFilter(null, SupporterStatus.BOUNCED, Language.ES);
        assertTrue(filter.where().contains("s.status = :status"));
        assertTrue(filter.where().contains("s.language = :language"));
        assertEquals(Map.of("status", SupporterStatus.BOUNCED, "language", Language.ES), bound(filter));
    }

    @Test
    @DisplayName("a word is matched against the start of the address, the first name and the last name")
    void oneWord() {
        SupporterFilter filter = new SupporterFilter("Mam", null, null);
        assertTrue(filter.where().contains("s.emailCanonical like :whole"));
        assertTrue(filter.where().contains("s.firstName like :whole"));
        assertTrue(filter.where().contains("s.lastName like :whole"));
        assertEquals(Map.of("whole", "mam%"), bound(filter), "a prefix, in lower case");
    }

    @Test
    @DisplayName("an address is matched by its canonical form, as the portal stores it")
    void address() {
        SupporterFilter filter = new SupporterFilter("Rosa.Mamani+news@GMAIL.com", null, null);
        assertTrue(filter.where().contains("s.emailCanonical like :email"));
        assertFalse(filter.where().contains("firstName"), "an address is not a name");
        assertEquals(Map.of("email", "rosamamani@gmail.com%"), bound(filter));
    }

    @Test
    @DisplayName("two words are a whole name or a first name followed by the start of the last name")
    void firstAndLastName() {
        SupporterFilter filter = new SupporterFilter("Rosa María Mam", null, null);
        assertTrue(filter.where().contains("s.firstName like :first escape '!' and s.lastName like :rest"));
        assertFalse(filter.where().contains("emailCanonical"), "a name with a space is not an address");
        assertEquals(Map.of("whole", "rosa maría mam%", "first", "rosa%", "rest", "maría mam%"), bound(filter));
    }

    @Test
    @DisplayName("LIKE's wildcards in the search are searched for literally, never as wildcards")
    void wildcardsAreEscaped() {
        assertEquals(Map.of("whole", "100!%!_off!!%"), bound(new SupporterFilter("100%_off!", null, null)));
        assertTrue(new SupporterFilter("a", null, null).where().contains("escape '!'"));
    }

    @Test
    @DisplayName("staff find everyone at a domain by typing \"@example.org\" or \"example.org\"")
    void searchByDomain() {
        SupporterFilter at = new SupporterFilter("@Example.ORG", null, null);
        assertTrue(at.where().contains("s.emailDomain like :domain"));
        assertEquals(Map.of("domain", "example.org%"), bound(at));
        SupporterFilter bare = new SupporterFilter("example.org", null, null);
        assertTrue(bare.where().contains("s.emailDomain like :whole"));
        assertTrue(bare.where().contains("s.emailCanonical like :whole"));
        assertEquals(Map.of("whole", "example.org%"), bound(bare));
        assertFalse(new SupporterFilter("ana@example.org", null, null).where().contains("emailDomain"));
    }
}
