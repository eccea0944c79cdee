package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Yama's ptrace_scope decides whether the app may trace the program it starts; the reason says how to allow it. */
class TracingPermissionTest {

    private static final long CAP_SYS_PTRACE = 1L << 19;

    @Test
    void scopesZeroAndOneAndNoYamaAllowTracingOwnChildren() {
        assertThat(Tracing.ptraceReason(null, 0)).isEmpty();
        assertThat(Tracing.ptraceReason("0\n", 0)).isEmpty();
        assertThat(Tracing.ptraceReason("1\n", 0)).isEmpty();
    }

    @Test
    void scopeTwoNeedsTheCapabilityAndSaysHowToAllowIt() {
        assertThat(Tracing.ptraceReason("2\n", 0)).get().asString()
                .contains("ptrace_scope = 2").contains("sysctl kernel.yama.ptrace_scope=1").contains("CAP_SYS_PTRACE");
        assertThat(Tracing.ptraceReason("2\n", CAP_SYS_PTRACE)).isEmpty();
    }

    @Test
    void scopeThreeIsNeverAllowed() {
        assertThat(Tracing.ptraceReason("3", CAP_SYS_PTRACE)).get().asString().contains("ptrace_scope = 3");
    }

    @Test
    void capabilitiesAreReadFromTheStatusFile() {
        String status = "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001ffffffffff\nCapBnd:\t0\n";
        assertThat(Tracing.capabilities(status) & CAP_SYS_PTRACE).isNotZero();
        assertThat(Tracing.capabilities("CapEff:\t0000000000000000\n")).isZero();
        assertThat(Tracing.capabilities("CapEff:\tnot hex\n")).isZero();
        assertThat(Tracing.capabilities(null)).isZero();
    }
}
