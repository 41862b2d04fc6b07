// A minimal yibao conformance adapter in Java (protocol yibao-conformance/1, docs/protocol.md): one file, the
// JDK only (17 or later), with a small JSON reader and writer at the end.
//
// It implements two operations of the suite, by the rules of the notices:
//   scope.transfer             LU-2020-47/1, JI-2020-19/1
//   employee.first-enrollment  LU-2021-54/1 (in Jining from 2022-05, JI-2022-8 closing paragraph)
// and lists only those in its hello, so the runner marks every other vector `unsupported`. A real adapter keeps
// this shape and replaces the two rule methods with calls to its own system.
//
//   javac -d build examples/java-adapter/Adapter.java
//   yibao run --impl 'java -cp build Adapter' --filter scope.transfer --hello-timeout 30
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Adapter {
    static final String PROTOCOL = "yibao-conformance/1";
    // Autoflush on println: the runner waits for each answer line.
    static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

    /** An error answer: invalid-input, out-of-scope, unsupported or internal. */
    static final class RuleError extends Exception {
        final String code;
        final List<Object> trace;
        RuleError(String code, String message, List<Object> trace) { super(message); this.code = code; this.trace = trace; }
        RuleError(String code, String message) { this(code, message, List.of()); }
    }

    static RuleError invalid(String message) { return new RuleError("invalid-input", message); }

    // --- input checking (contract §2: months YYYY-MM; booleans are JSON true/false) ------------------------

    static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");

    /** Refuses unknown fields; returns the value of `name` checked against `kind` ("bool", "month" or allowed strings). */
    static Object field(Map<String, Object> input, String name, Object kind, boolean required, Object fallback) throws RuleError {
        if (input.get(name) == null) { // absent or null: the same (docs/protocol.md, Encodings)
            if (required) throw invalid(name + ": required");
            return fallback;
        }
        Object v = input.get(name);
        if (kind.equals("bool")) {
            if (!(v instanceof Boolean)) throw invalid(name + ": not a boolean"); // 1, "yes", null are not booleans
            return v;
        }
        if (kind.equals("month")) {
            Matcher m = v instanceof String s ? MONTH.matcher(s) : null;
            if (m == null || !m.matches()) throw invalid(name + ": not a month (YYYY-MM)");
            int year = Integer.parseInt(m.group(1)), month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) throw invalid(name + ": not a month (YYYY-MM): " + v);
            if (year < 1900 || year > 2200) throw invalid(name + ": year outside 1900...2200");
            return year * 12 + (month - 1); // months since year 0: compare and add as integers
        }
        @SuppressWarnings("unchecked") List<String> allowed = (List<String>) kind;
        if (!(v instanceof String s) || !allowed.contains(s)) throw invalid(name + ": not one of " + String.join("|", allowed));
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object input, String... fields) throws RuleError {
        if (!(input instanceof Map)) throw invalid("input: not an object");
        Map<String, Object> map = (Map<String, Object>) input;
        for (String key : map.keySet()) if (!List.of(fields).contains(key)) throw invalid("unknown field " + key);
        return map;
    }

    static String monthText(int m) { return String.format("%04d-%02d", m / 12, m % 12 + 1); }

    // --- the two operations ------------------------------------------------------------------------------

    /** LU-2020-47/1, JI-2020-19/1: employee insurance, below retirement age, between pooling areas inside the province. */
    static Object[] scopeTransfer(Object value) throws RuleError {
        Map<String, Object> in = object(value, "insurance", "reachedRetirementAge", "crossArea", "crossProvince");
        Object insurance = field(in, "insurance", List.of("employee", "resident"), true, null);
        boolean retired = (Boolean) field(in, "reachedRetirementAge", "bool", true, null);
        boolean crossArea = (Boolean) field(in, "crossArea", "bool", true, null);
        boolean crossProvince = (Boolean) field(in, "crossProvince", "bool", true, null); // I-25: required here
        // I-23: pooling areas lie inside one province, so a move between provinces always crosses areas.
        if (crossProvince && !crossArea) throw invalid("crossArea: false although crossProvince is true");
        boolean inScope = insurance.equals("employee") && !retired && crossArea && !crossProvince;
        return new Object[] {Map.of("inScope", inScope), List.of("LU-2020-47/1", "JI-2020-19/1")};
    }

    static final int FIRST_MONTH_IN_FORCE = 2022 * 12 + 4; // 2022-05: JI-2022-8 (interpretations I-1, I-22)

    /** LU-2021-54/1: benefits from the month after the first contribution (自缴费次月起), for everyone (不受户籍限制). */
    static Object[] firstEnrollment(Object value) throws RuleError {
        Map<String, Object> in = object(value, "category", "firstContributionMonth", "localHukou");
        field(in, "category", List.of("employer", "flexible"), true, null);
        int first = (Integer) field(in, "firstContributionMonth", "month", true, null);
        field(in, "localHukou", "bool", false, true);
        if (first < FIRST_MONTH_IN_FORCE) {
            throw new RuleError("out-of-scope", "firstContributionMonth " + monthText(first)
                + ": before 2022-05, when LU-2021-54 took effect in Jining", List.of("LU-2021-54/10", "JI-2022-8/10"));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("eligible", true);
        output.put("benefitsFrom", monthText(first + 1));
        return new Object[] {output, List.of("LU-2021-54/1", "LU-2021-54/10", "JI-2022-8/10")};
    }

    interface Rule { Object[] apply(Object input) throws RuleError; }

    static final Map<String, Rule> OPERATIONS = new LinkedHashMap<>();
    static {
        OPERATIONS.put("scope.transfer", Adapter::scopeTransfer);
        OPERATIONS.put("employee.first-enrollment", Adapter::firstEnrollment);
    }

    // --- the protocol ------------------------------------------------------------------------------------

    static void send(Map<String, Object> message) { OUT.println(Json.write(message)); }

    static void error(Object id, String code, String message, List<Object> trace) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "error");
        answer.put("id", id);
        answer.put("code", code);
        answer.put("message", message);
        if (trace != null && !trace.isEmpty()) answer.put("trace", trace);
        send(answer);
    }

    /** Answers one request line; returns false on goodbye. */
    @SuppressWarnings("unchecked")
    static boolean handle(String line) {
        Object parsed;
        try { parsed = Json.parse(line); } catch (IllegalArgumentException e) {
            error(null, "invalid-input", "not JSON: " + e.getMessage(), null);
            return true;
        }
        if (!(parsed instanceof Map)) {
            error(null, "invalid-input", "a message must be a JSON object", null);
            return true;
        }
        Map<String, Object> message = (Map<String, Object>) parsed;
        Object type = message.get("type"), id = message.get("id");
        if ("hello".equals(type)) {
            System.err.println("Adapter.java: hello from suite " + message.get("suite"));
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("type", "hello");
            hello.put("protocol", PROTOCOL);
            hello.put("implementation", Map.of("name", "java-adapter-example", "version", "1.0.0", "vendor", "yibao examples"));
            hello.put("operations", new ArrayList<>(OPERATIONS.keySet()));
            send(hello);
            return true;
        }
        if ("goodbye".equals(type)) return false;
        if (!"evaluate".equals(type)) { error(id, "invalid-input", "unknown message type " + type, null); return true; }
        if (!(id instanceof String)) { error(id, "invalid-input", "evaluate needs a string id", null); return true; }
        Rule rule = OPERATIONS.get(String.valueOf(message.get("operation")));
        if (rule == null) { error(id, "unsupported", "this adapter does not implement " + message.get("operation"), null); return true; }
        try {
            Object[] answer = rule.apply(message.containsKey("input") ? message.get("input") : Map.of());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", "result");
            result.put("id", id);
            result.put("output", answer[0]);
            result.put("trace", answer[1]);
            send(result);
        } catch (RuleError e) {
            error(id, e.code, e.getMessage(), e.trace);
        } catch (RuntimeException e) { // a bug here must not take the process down
            e.printStackTrace();
            error(id, "internal", e.toString(), null);
        }
        return true;
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.isBlank() && !handle(line.strip())) break;
        }
    }

    /** Just enough JSON: objects (in order; a repeated key is refused), arrays, strings, numbers as BigDecimal, literals. */
    static final class Json {
        private final String s;
        private int i;
        private Json(String s) { this.s = s; }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.space();
            if (p.i != p.s.length()) throw new IllegalArgumentException("text after the value at " + p.i);
            return v;
        }

        private void space() { while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++; }

        private char peek() {
            space();
            if (i >= s.length()) throw new IllegalArgumentException("unexpected end");
            return s.charAt(i);
        }

        private Object value() {
            char c = peek();
            if (c == '{') {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                if (peek() == '}') { i++; return map; }
                while (true) {
                    if (peek() != '"') throw new IllegalArgumentException("expected a key at " + i);
                    String key = string();
                    if (peek() != ':') throw new IllegalArgumentException("expected : at " + i);
                    i++;
                    if (map.containsKey(key)) throw new IllegalArgumentException("the key " + key + " is given twice");
                    map.put(key, value());
                    char d = peek();
                    i++;
                    if (d == '}') return map;
                    if (d != ',') throw new IllegalArgumentException("expected , or } at " + (i - 1));
                }
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                if (peek() == ']') { i++; return list; }
                while (true) {
                    list.add(value());
                    char d = peek();
                    i++;
                    if (d == ']') return list;
                    if (d != ',') throw new IllegalArgumentException("expected , or ] at " + (i - 1));
                }
            }
            if (c == '"') return string();
            for (String literal : new String[] {"true", "false", "null"}) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            try { return new BigDecimal(s.substring(start, i)); } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unexpected character at " + start);
            }
        }

        private String string() {
            i++; // the opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw new IllegalArgumentException("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e); // \" \\ \/
                }
            }
        }

        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(v, b);
            return b.toString();
        }

        private static void write(Object v, StringBuilder b) {
            if (v == null) b.append("null");
            else if (v instanceof String str) {
                b.append('"');
                for (char c : str.toCharArray()) {
                    if (c == '"' || c == '\\') b.append('\\').append(c);
                    else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
                b.append('"');
            } else if (v instanceof Map<?, ?> map) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) b.append(',');
                    first = false;
                    write(String.valueOf(e.getKey()), b);
                    b.append(':');
                    write(e.getValue(), b);
                }
                b.append('}');
            } else if (v instanceof List<?> list) {
                b.append('[');
                for (int k = 0; k < list.size(); k++) {
                    if (k > 0) b.append(',');
                    write(list.get(k), b);
                }
                b.append(']');
            } else if (v instanceof BigDecimal d) b.append(d.toPlainString());
            else b.append(v); // Boolean, Integer
        }
    }
}
