package io.cloudward.sandbox.faults;

import java.util.Locale;

/**
 * A fault to inject into calls that match: account, region, service (signing name) and operation, each
 * {@code *} for any. It fires on {@code rate} of the matching calls, spread evenly (at 0.5 every second
 * call), so a test knows that a retry gets through.
 */
public record FaultRule(String account, String region, String service, String operation, FaultKind kind,
                        double rate, long millis, int status) {

    public static final String ANY = "*";

    public FaultRule {
        account = account == null ? ANY : account;
        region = region == null ? ANY : region;
        service = service == null ? ANY : service;
        operation = operation == null ? ANY : operation;
        if (kind == null) {
            throw new IllegalArgumentException("a fault needs a kind");
        }
        rate = rate == 0 ? 1 : rate;
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("fault rate must be within 0–1");
        }
        if ((kind == FaultKind.LATENCY || kind == FaultKind.TIMEOUT) && millis <= 0) {
            throw new IllegalArgumentException(kind + " needs millis > 0");
        }
        status = kind == FaultKind.SERVER_ERROR && status == 0 ? 500 : status;
        if (kind == FaultKind.SERVER_ERROR && status != 500 && status != 503) {
            throw new IllegalArgumentException("a server error fault answers 500 or 503");
        }
    }

    public boolean matches(String callAccount, String callRegion, String callService, String callOperation) {
        return matches(account, callAccount) && matches(region, callRegion) && matches(service, callService)
                && matches(operation, callOperation);
    }

    /**
     * Parses the text form used in configuration: the kind, then {@code key=value} settings, e.g.
     * {@code throttle service=guardduty operation=ListFindings rate=0.5} or {@code latency millis=200}.
     */
    public static FaultRule parse(String text) {
        String[] words = text.trim().split("\\s+");
        FaultKind kind = FaultKind.valueOf(words[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        String account = null;
        String region = null;
        String service = null;
        String operation = null;
        double rate = 1;
        long millis = 0;
        int status = 0;
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value in fault '" + text + "': " + words[i]);
            }
            String value = words[i].substring(eq + 1);
            switch (words[i].substring(0, eq)) {
                case "account" -> account = value;
                case "region" -> region = value;
                case "service" -> service = value;
                case "operation" -> operation = value;
                case "rate" -> rate = Double.parseDouble(value);
                case "millis" -> millis = Long.parseLong(value);
                case "status" -> status = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown fault setting " + words[i]);
            }
        }
        return new FaultRule(account, region, service, operation, kind, rate, millis, status);
    }

    private static boolean matches(String rule, String value) {
        return rule.equals(ANY) || rule.equals(value);
    }
}
