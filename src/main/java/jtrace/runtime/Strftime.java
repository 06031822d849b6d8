package jtrace.runtime;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** The subset of C strftime conversions that bpftrace scripts use with time(). */
final class Strftime {
    private Strftime() {}

    static String format(String fmt, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                out.append(c);
                continue;
            }
            char conv = fmt.charAt(++i);
            switch (conv) {
                case 'H' -> out.append(two(t.getHour()));
                case 'M' -> out.append(two(t.getMinute()));
                case 'S' -> out.append(two(t.getSecond()));
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(two(t.getYear() % 100));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'e' -> out.append(String.format("%2d", t.getDayOfMonth()));
                case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
                case 'I' -> out.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'T' -> out.append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':').append(two(t.getSecond()));
                case 'D' -> out.append(two(t.getMonthValue())).append('/').append(two(t.getDayOfMonth())).append('/').append(two(t.getYear() % 100));
                case 'F' -> out.append(t.getYear()).append('-').append(two(t.getMonthValue())).append('-').append(two(t.getDayOfMonth()));
                case 'R' -> out.append(two(t.getHour())).append(':').append(two(t.getMinute()));
                case 's' -> out.append(t.toEpochSecond());
                case 'z' -> out.append(t.getOffset().getId().replace(":", "").replace("Z", "+0000"));
                case 'Z' -> out.append(t.getZone().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '%' -> out.append('%');
                default -> out.append('%').append(conv);
            }
        }
        return out.toString();
    }

    private static String two(int v) { return v < 10 ? "0" + v : Integer.toString(v); }
}
