package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketstage.ui.MainWindowProbe.fx;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.ui.ShownText;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An aggregated envelope whose words do not fit between the columns shows its short words whole instead of its
 * long ones cut ("✉ ×160 echoes · 13…", as CI saw at 1280x800 once the view kept up with fifty clients).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EnvelopeLabelFitTest {

    private EnvelopeLayer layer;

    @Start
    void start(Stage stage) {
        layer = new EnvelopeLayer(new SchematicViewModel(UiText.load()));
        Pane root = new Pane(layer);
        Scene scene = org.socketstage.ui.WindowStyles.apply(new Scene(root, 600, 300));
        scene.getStylesheets().add(css("fxml/schematic/SchematicView.css"));
        stage.setScene(scene);
        stage.show();
    }

    private static String css(String path) {
        return EnvelopeLabelFitTest.class.getResource("/" + path).toExternalForm();
    }

    private static StageFrame.EnvelopeFigure echoes(int count, long bytes) {
        return new StageFrame.EnvelopeFigure(7, 1, 1, PacketKind.DATA, false, Envelope.ServerEnd.CONNECTION, false,
                "×" + count + " echoes · " + bytes + " B", "×" + count + " echoes", count, 0, 0, true);
    }

    @Test
    void aNarrowCorridorGetsTheShortWordsWholeAndAWideOneTheFullWords(FxRobot robot) {
        robot.interact(() -> {
            layer.show(List.of(echoes(160, 1398)));
            layer.maxEnvelopeWidth(90);
        });
        assertThat(fx(() -> layer.node(7).getText())).isEqualTo("✉ ×160 echoes");
        robot.interact(() -> layer.node(7).setVisible(true));
        assertThat(fx(() -> ShownText.cut(layer))).isEmpty();

        robot.interact(() -> layer.maxEnvelopeWidth(400));
        assertThat(fx(() -> layer.node(7).getText())).isEqualTo("✉ ×160 echoes · 1398 B");

        // the count grows while the corridor stays wide: still the full words
        robot.interact(() -> layer.show(List.of(echoes(1600, 51200))));
        assertThat(fx(() -> layer.node(7).getText())).isEqualTo("✉ ×1600 echoes · 51200 B");
    }

    @Test
    void wordsWithNoShorterFormAreLeftAsTheyAre(FxRobot robot) {
        StageFrame.EnvelopeFigure syn = new StageFrame.EnvelopeFigure(8, 1, 1, PacketKind.SYN, true,
                Envelope.ServerEnd.LISTENER, false, "SYN", "SYN", 1, 0, 0, true);
        robot.interact(() -> {
            layer.show(List.of(syn));
            layer.maxEnvelopeWidth(20);
        });
        assertThat(fx(() -> layer.node(8).getText())).isEqualTo("✉ SYN");
    }
}
