package org.puente.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of addresses and CIDR ranges, IPv4 or IPv6 ({@code "203.0.113.7, 10.0.0.0/8, 2001:db8::/32"}),
 * for allow-lists. Only literal addresses are accepted: a host name in the setting is an error, never a
 * DNS lookup.
 */
public final class IpRanges {

    private record Range(byte[] network, int prefix) {}

    private final List<Range> ranges;

    private IpRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static IpRanges none() {
        return new IpRanges(List.of());
    }

    /**
     * @throws IllegalArgumentException for an entry that is not an address or a range
     */
    public static IpRanges parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split(",")) {
                String trimmed = entry.strip();
                if (!trimmed.isEmpty()) {
                    ranges.add(range(trimmed));
                }
            }
        }
        return new IpRanges(List.copyOf(ranges));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or range: " + entry));
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP range: " + entry, e);
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("not an IP range: " + entry);
            }
        }
        return new Range(address, prefix);
    }

    public boolean contains(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = literal(address).orElse(null);
        return bytes != null && ranges.stream().anyMatch(r -> matches(r, bytes));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    private static boolean matches(Range range, byte[] address) {
        if (range.network().length != address.length) {
            return false;
        }
        int full = range.prefix() / 8;
        for (int i = 0; i < full; i++) {
            if (range.network()[i] != address[i]) {
                return false;
            }
        }
        int rest = range.prefix() % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (range.network()[full] & mask) == (address[full] & mask);
    }

    /** The bytes of a literal IPv4 or IPv6 address; empty for anything else (never resolves names). */
    private static Optional<byte[]> literal(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 45
                || !text.matches("[0-9A-Fa-f:.]+")
                || (!text.contains(":") && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        if (!text.contains(":")) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty(); // getByName would take it for a host name
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
