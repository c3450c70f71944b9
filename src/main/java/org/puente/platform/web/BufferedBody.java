package org.puente.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request whose body, sent without a length, {@link RequestSizeFilter} has already read and counted: the
 * body is read again from memory, with its true length, and a form's fields are parsed from it (the
 * container would parse its own, already emptied, stream), after those of the query string.
 */
final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    BufferedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
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
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was read already; it is not read asynchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap()
                    .forEach((name, values) ->
                            all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
            if (isForm()) {
                parse(new String(body, StandardCharsets.ISO_8859_1), charset(), all);
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            all.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(result);
        }
        return parameters;
    }

    private boolean isForm() {
        String type = getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** {@code a=1&b=%C3%B1}: the encoded form is ASCII, so it is split before it is decoded. */
    static void parse(String encoded, Charset charset, Map<String, List<String>> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                into.computeIfAbsent(URLDecoder.decode(name, charset), n -> new ArrayList<>())
                        .add(URLDecoder.decode(value, charset));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the field is dropped, as the container drops it
            }
        }
    }
}
