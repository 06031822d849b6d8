package jtrace.runtime;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InetTextTest {
    @Test
    void formatsAsInetNtop() throws Exception {
        String[][] cases = {
                {"2", "127.0.0.1", "127.0.0.1"},
                {"10", "::1", "::1"},
                {"10", "::", "::"},
                {"10", "100::", "100::"},
                {"10", "2001:db8::1:0:0:1", "2001:db8::1:0:0:1"},
                {"10", "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
                {"10", "fe80::1:2", "fe80::1:2"},
                {"10", "::ffff:10.1.2.3", "::ffff:10.1.2.3"},
                {"10", "1:0:0:2:0:0:0:3", "1:0:0:2::3"},
        };
        for (String[] c : cases) {
            byte[] raw = InetAddress.getByName(c[1]).getAddress();
            if (raw.length == 4 && c[0].equals("10")) raw = toMapped(raw);
            byte[] buf = new byte[24];
            System.arraycopy(raw, 0, buf, 8, raw.length);
            assertEquals(c[2], InetText.format(Integer.parseInt(c[0]), buf, 8), c[1]);
        }
        assertEquals("", InetText.format(99, new byte[16], 0));
    }

    private static byte[] toMapped(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }

    @Test
    void macAddressesInUpperCase() {
        assertEquals("18:C0:4D:08:2E:BB", Symbolizer.mac(new byte[] {0x18, (byte) 0xc0, 0x4d, 0x08, 0x2e, (byte) 0xbb, 0, 0}, 0));
    }
}
