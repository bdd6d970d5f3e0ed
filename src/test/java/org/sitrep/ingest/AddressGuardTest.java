package org.sitrep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1", "198.18.0.1"})
    void refusesNonPublicAddresses(String ip) throws Exception {
        assertNotNull(AddressGuard.forbidden(InetAddress.getByName(ip)), ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "2606:4700::1111", "64:ff9b::808:808"})
    void allowsPublicAddresses(String ip) throws Exception {
        assertNull(AddressGuard.forbidden(InetAddress.getByName(ip)), ip);
    }

    @Test
    void decimalAndExemptHosts() throws Exception {
        AddressGuard strict = new AddressGuard(false, Set.of());
        assertEquals(FetchException.Reason.BLOCKED_ADDRESS,
                assertThrows(FetchException.class, () -> strict.check(new URI("http://localhost:8080/"))).reason());
        assertEquals(FetchException.Reason.BAD_URL,
                assertThrows(FetchException.class, () -> strict.check(new URI("ftp://example.org/"))).reason());
        new AddressGuard(false, Set.of("localhost")).check(new URI("http://localhost:8080/"));
        new AddressGuard(true, Set.of()).check(new URI("http://127.0.0.1/"));
    }
}
