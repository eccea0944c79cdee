package org.socketstage.tracer.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The battery's results, as text for people and as JSON for tools. */
public record CheckReport(CheckSettings settings, int port, List<CheckResult> results) {

    public CheckReport {
        results = List.copyOf(results);
    }

    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    public boolean allPassed() {
        return count(Verdict.FAILED) == 0;
    }

    public static String heading(CheckSettings settings) {
        return "Checking " + settings.command().commandLine() + " ("
                + (settings.port().isPresent() ? "port " + settings.port().getAsInt() : "on the port it chooses")
                + ", expecting " + (settings.expect() == Expect.ECHO ? "an echo" : "no particular reply") + ")";
    }

    /** One check as text: verdict, name, summary, then the evidence indented. */
    public static String text(CheckResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-4s  %-13s %s%n", r.verdict().tag(), r.id(), r.title()));
        sb.append("      ").append(r.summary()).append(System.lineSeparator());
        for (String line : r.evidence()) {
            sb.append("        ").append(line).append(System.lineSeparator());
        }
        return sb.toString();
    }

    public String totals() {
        return count(Verdict.PASSED) + " passed, " + count(Verdict.FAILED) + " failed, "
                + count(Verdict.NOT_APPLICABLE) + " not applicable";
    }

    public String text() {
        StringBuilder sb = new StringBuilder(heading(settings)).append(System.lineSeparator()).append(System.lineSeparator());
        results.forEach(r -> sb.append(text(r)).append(System.lineSeparator()));
        return sb.append(totals()).append(System.lineSeparator()).toString();
    }

    public String json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("program");
            for (String arg : settings.command().argv()) {
                g.writeString(arg);
            }
            g.writeEndArray();
            if (port > 0) {
                g.writeNumberField("port", port);
            }
            g.writeStringField("expect", settings.expect().option());
            g.writeArrayFieldStart("checks");
            for (CheckResult r : results) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("title", r.title());
                g.writeStringField("verdict", r.verdict().word());
                g.writeStringField("summary", r.summary());
                g.writeArrayFieldStart("evidence");
                for (String line : r.evidence()) {
                    g.writeString(line);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("passed", count(Verdict.PASSED));
            g.writeNumberField("failed", count(Verdict.FAILED));
            g.writeNumberField("not_applicable", count(Verdict.NOT_APPLICABLE));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }
}
