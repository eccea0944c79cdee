package org.socketstage.ui.lane;

import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.ui.text.UiText;

/**
 * One plain sentence per failure: what the errno means at this stage and what to check. The sentences live in
 * the message bundle as {@code errno.<STAGE>.<NAME>}, with {@code errno.<NAME>} for any stage and a general
 * fallback that at least names the errno and the system's own message.
 */
public final class ErrnoAdvice {

    private final UiText texts;

    public ErrnoAdvice(UiText texts) {
        this.texts = texts;
    }

    public String explain(Step stage, Errno errno) {
        String perStage = "errno." + stage.name() + "." + errno.name();
        if (texts.has(perStage)) {
            return texts.get(perStage);
        }
        String general = "errno." + errno.name();
        if (texts.has(general)) {
            return texts.get(general);
        }
        return texts.format("errno.other", errno.name(), errno.message(), stage.label());
    }
}
