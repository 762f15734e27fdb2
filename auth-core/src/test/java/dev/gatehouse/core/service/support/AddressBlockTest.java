package dev.gatehouse.core.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressBlockTest {

    @Test
    void ipv4AddressesCountOnTheirOwn() {
        assertEquals("203.0.113.5", AddressBlock.of("203.0.113.5"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64InEverySpelling() {
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("[2001:db8:1:2:a:b:c:d]"));
        assertEquals("2001:db8:1:2::/64", AddressBlock.of("2001:db8:1:2::1%eth0"));
        assertEquals("2001:db8:0:0::/64", AddressBlock.of("2001:db8::"));
        assertEquals("0:0:0:0::/64", AddressBlock.of("::1"));
    }

    @Test
    void ipv4MappedAddressesCountAsIpv4() {
        assertEquals("203.0.113.5", AddressBlock.of("::ffff:203.0.113.5"));
        assertEquals("203.0.113.5", AddressBlock.of("0:0:0:0:0:ffff:cb00:7105"));
    }

    @Test
    void textThatIsNoAddressCountsAsItselfAndIsNeverLookedUp() {
        for (String odd : new String[] {"example.com", "1:2:3", "1::2::3", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3", "gggg::1",
                "１::1", ""}) {
            assertEquals(odd, AddressBlock.of(odd), odd);
        }
    }
}
