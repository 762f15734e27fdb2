package dev.gatehouse.core.service.support;

import java.util.Locale;

/**
 * The block of addresses one client owns, as throttles count it: an IPv4 address on its own, an
 * IPv6 address by its /64 (a provider gives a client a whole /64, and privacy addresses change
 * within it), an IPv4-mapped IPv6 address as the IPv4 address it is. Only literals are parsed,
 * never looked up; text that is not an address counts as itself.
 */
public final class AddressBlock {

    private AddressBlock() {
    }

    /** {@code 203.0.113.5}, or {@code 2001:db8:1:2::/64}; anything unparsable unchanged. */
    public static String of(String address) {
        if (address == null) {
            return "";
        }
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.indexOf(':') < 0) {
            return address;
        }
        int zone = text.indexOf('%');
        int[] words = ipv6(zone < 0 ? text : text.substring(0, zone));
        if (words == null) {
            return address;
        }
        if (words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0 && words[4] == 0 && words[5] == 0xffff) {
            return (words[6] >> 8) + "." + (words[6] & 0xff) + "." + (words[7] >> 8) + "." + (words[7] & 0xff);
        }
        return String.format(Locale.ROOT, "%x:%x:%x:%x::/64", words[0], words[1], words[2], words[3]);
    }

    /** The eight 16-bit words of an IPv6 literal (with {@code ::} and a dotted IPv4 tail), or null. */
    private static int[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? text.split(":", -1) : parts(text.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : parts(text.substring(gap + 2));
        int[] front = words(head);
        int[] back = words(tail);
        if (front == null || back == null) {
            return null;
        }
        int missing = 8 - front.length - back.length;
        if (gap < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(front, 0, all, 0, front.length);
        System.arraycopy(back, 0, all, 8 - back.length, back.length);
        return all;
    }

    private static String[] parts(String text) {
        return text.isEmpty() ? new String[0] : text.split(":", -1);
    }

    /** Hex groups, the last of which may be a dotted IPv4 address (two words); null if malformed. */
    private static int[] words(String[] groups) {
        int[] out = new int[groups.length + 1];
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (i == groups.length - 1 && group.indexOf('.') >= 0) {
                int[] v4 = ipv4(group);
                if (v4 == null) {
                    return null;
                }
                out[n++] = v4[0] << 8 | v4[1];
                out[n++] = v4[2] << 8 | v4[3];
                continue;
            }
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            int value = 0;
            for (char c : group.toCharArray()) {
                int digit = c < 128 ? Character.digit(c, 16) : -1; // ASCII only: no full-width digits
                if (digit < 0) {
                    return null;
                }
                value = value << 4 | digit;
            }
            out[n++] = value;
        }
        return n > 8 ? null : java.util.Arrays.copyOf(out, n);
    }

    private static int[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            bytes[i] = Integer.parseInt(parts[i]);
            if (bytes[i] > 255) {
                return null;
            }
        }
        return bytes;
    }
}
