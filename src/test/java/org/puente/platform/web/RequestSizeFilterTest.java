package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Request size: a body sent without a length is counted, not refused for lacking one")
class RequestSizeFilterTest {

    /** What the filter answered: the status it sent, or the request it handed on. */
    static final class Outcome {
        final AtomicInteger error = new AtomicInteger();
        final AtomicReference<ServletRequest> passed = new AtomicReference<>();
    }

    static Outcome post(String contentType, byte[] body, long declaredLength, Map<String, String[]> query)
            throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                RequestSizeFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> declaredLength;
                    case "getContentLength" -> (int) declaredLength;
                    case "getHeader" ->
                        "Transfer-Encoding".equalsIgnoreCase((String) args[0]) && declaredLength < 0 ? "chunked" : null;
                    case "getMethod" -> "POST";
                    case "getInputStream" -> stream;
                    case "getParameterMap" -> query;
                    case "getCharacterEncoding" -> null;
                    default -> null;
                });
        Outcome outcome = new Outcome();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                RequestSizeFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendError")) {
                        outcome.error.set((Integer) args[0]);
                    }
                    return null;
                });
        new RequestSizeFilter().doFilter(request, response, (req, res) -> outcome.passed.set(req));
        return outcome;
    }

    @Test
    @DisplayName("a small chunked form goes through with its fields (after the query string's) and its true length")
    void smallChunkedForm() throws Exception {
        byte[] body = "login%3Aemail=ana%40example.org&name=Mar%C3%ADa+L%C3%B3pez&name=&flag"
                .getBytes(StandardCharsets.US_ASCII);
        Outcome outcome = post(
                "application/x-www-form-urlencoded; charset=UTF-8",
                body,
                -1,
                Map.of("lang", new String[] {"es"}, "name", new String[] {"from-query"}));
        assertEquals(0, outcome.error.get());
        ServletRequest passed = outcome.passed.get();
        assertEquals("ana@example.org", passed.getParameter("login:email"));
        assertArrayEquals(new String[] {"from-query", "María López", ""}, passed.getParameterValues("name"));
        assertEquals("es", passed.getParameter("lang"));
        assertEquals("", passed.getParameter("flag"));
        assertEquals(body.length, passed.getContentLengthLong());
        assertArrayEquals(body, passed.getInputStream().readAllBytes(), "the body can be read again");
    }

    @Test
    @DisplayName("a chunked JSON body is handed on whole, byte for byte")
    void chunkedJson() throws Exception {
        byte[] body = "{\"firstName\":\"Lucía\"}".getBytes(StandardCharsets.UTF_8);
        Outcome outcome = post("application/json", body, -1, new HashMap<>());
        assertArrayEquals(body, outcome.passed.get().getInputStream().readAllBytes());
        assertNull(outcome.passed.get().getParameter("firstName"));
    }

    @Test
    @DisplayName("a chunked body one byte over the form limit is refused with 413 and goes no further")
    void bigChunkedBody() throws Exception {
        Outcome exactly =
                post("application/x-www-form-urlencoded", new byte[(int) RequestSizeFilter.FORM_LIMIT], -1, Map.of());
        assertEquals(0, exactly.error.get(), "the limit itself is allowed");
        Outcome over = post(
                "application/x-www-form-urlencoded", new byte[(int) RequestSizeFilter.FORM_LIMIT + 1], -1, Map.of());
        assertEquals(413, over.error.get());
        assertNull(over.passed.get());
    }

    @Test
    @DisplayName("a chunked upload, which only the container can parse, is asked for its length (411)")
    void chunkedUpload() throws Exception {
        Outcome outcome = post("multipart/form-data; boundary=x", new byte[10], -1, Map.of());
        assertEquals(411, outcome.error.get());
        assertNull(outcome.passed.get());
    }

    @Test
    @DisplayName("a form that declares a length over the limit is refused with 413, as before")
    void declaredTooLong() throws Exception {
        Outcome outcome =
                post("application/x-www-form-urlencoded", new byte[0], RequestSizeFilter.FORM_LIMIT + 1, Map.of());
        assertEquals(413, outcome.error.get());
    }
}
