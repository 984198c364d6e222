package dev.darkmaximus.payment;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** An allow-list of single addresses and CIDR ranges, IPv4 and IPv6. Literal addresses only: nothing is resolved. */
public final class IpRanges {

    private final List<Range> ranges;

    private IpRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static IpRanges of(List<String> specs) {
        return new IpRanges(specs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(IpRanges::parse).toList());
    }

    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        BigInteger value = new BigInteger(1, bytes);
        return ranges.stream().anyMatch(r -> r.length() == bytes.length
                && value.shiftRight(bytes.length * 8 - r.prefix()).equals(r.network()));
    }

    private static Range parse(String spec) {
        String[] parts = spec.split("/", 2);
        byte[] bytes = literal(parts[0]);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or range: " + spec);
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bytes.length * 8;
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("bad prefix length: " + spec);
        }
        return new Range(new BigInteger(1, bytes).shiftRight(bytes.length * 8 - prefix), prefix, bytes.length);
    }

    private static byte[] literal(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%\\[\\]]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(BigInteger network, int prefix, int length) {
    }
}
