package dev.gatehouse.http.config;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IP literals as proxies and operators write them, read without ever asking a resolver. */
public final class IpLiteral {

    private IpLiteral() {
    }

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /**
     * The address an X-Forwarded-For hop names, in one spelling per address ("::1" and
     * "0:0:0:0:0:0:0:1" match), if it is an IP literal as proxies write them: IPv4, IPv6,
     * bracketed IPv6, either with a port. Anything else is empty and never reaches a resolver:
     * only text already checked to hold nothing but digits, hex letters, dots and colons is given
     * and starting with a hex digit or colon is given to {@link InetAddress#getByName}, which parses
     * such text as a literal (or refuses it) without a lookup.
     */
    public static Optional<String> of(String hop) {
        String text = hop.strip();
        Matcher withPort = IPV4_WITH_PORT.matcher(text);
        if (withPort.matches()) {
            text = withPort.group(1);
        }
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            text = bracketed.group(1);
            if (!text.contains(":")) {
                return Optional.empty();
            }
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(text).matches() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
