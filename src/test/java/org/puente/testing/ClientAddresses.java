package org.puente.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses no other session of this test run uses, for {@link WebSession#forwardedFor}: the portal
 * counts sign-in failures, reset requests and signatures per client (an IPv6 client by its /64), so a test
 * that comes from an address of its own cannot be slowed or held back by what another test did.
 */
public final class ClientAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ClientAddresses() {}

    /** A fresh documentation address (RFC 3849) in a /64 of its own: {@code 2001:db8:7e57:1::1}, then {@code :2::1}… */
    public static String next() {
        int n = NEXT.incrementAndGet();
        return "2001:db8:7e57:" + Integer.toHexString(n & 0xffff) + ":" + Integer.toHexString(n >>> 16) + "::1";
    }
}
