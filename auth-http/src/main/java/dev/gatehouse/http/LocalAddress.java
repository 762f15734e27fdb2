package dev.gatehouse.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** This machine's address on the local network, for URLs printed when listening on every address. */
final class LocalAddress {

    private LocalAddress() {
    }

    /** The first IPv4 site-local (10/8, 172.16/12, 192.168/16) address of an interface that is up. */
    static Optional<String> siteLocal() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: fall back
        }
        return Optional.empty();
    }
}
