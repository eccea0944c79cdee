package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlaceTest {

    private static final double NONE = Double.NaN;
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740); // 768 less a task bar
    private static final Rectangle2D DESK = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1920, 1080);

    @Test
    void theFirstLaunchOpensAt1280x800CentredWhereTheScreenHasRoom() {
        WindowPlace p = WindowPlace.choose(NONE, NONE, NONE, NONE, List.of(DESK), DESK);

        assertThat(p).isEqualTo(new WindowPlace(1280, 800, NONE, NONE));
        assertThat(p.centred()).isTrue();
    }

    @Test
    void onALaptopOf1366x768TheDefaultSizeShrinksToTheScreen() {
        WindowPlace p = WindowPlace.choose(NONE, NONE, NONE, NONE, List.of(LAPTOP), LAPTOP);

        assertThat(p.width()).isEqualTo(1280);
        assertThat(p.height()).isEqualTo(740);
    }

    @Test
    void aPlaceOnAProjectorThatIsGoneOpensCentredOnTheMainScreenAtAFittingSize() {
        WindowPlace p = WindowPlace.choose(1900, 1060, 1930, 10, List.of(LAPTOP), LAPTOP);

        assertThat(p.centred()).isTrue();
        assertThat(p.width()).isEqualTo(1366);
        assertThat(p.height()).isEqualTo(740);
    }

    @Test
    void aPlaceOnAProjectorThatIsStillThereIsKept() {
        WindowPlace p = WindowPlace.choose(1600, 900, 2000, 40, List.of(DESK, PROJECTOR), DESK);

        assertThat(p).isEqualTo(new WindowPlace(1600, 900, 2000, 40));
    }

    @Test
    void aWindowHangingOverTheEdgeIsMovedInOnlyAsFarAsItsShrunkenSizeNeeds() {
        WindowPlace p = WindowPlace.choose(1280, 800, 1000, 100, List.of(LAPTOP), LAPTOP);

        assertThat(p).isEqualTo(new WindowPlace(1280, 740, 86, 0));
    }

    @Test
    void aTitleBarAboveTheScreenOrWithOnlyACornerOnItDoesNotCount() {
        assertThat(WindowPlace.choose(1280, 800, 100, -50, List.of(DESK), DESK).centred()).isTrue();
        assertThat(WindowPlace.choose(1280, 800, 1880, 100, List.of(DESK), DESK).centred())
                .as("40 px of the title bar on the screen").isTrue();
        assertThat(WindowPlace.choose(1280, 800, 1800, 100, List.of(DESK), DESK).centred())
                .as("120 px of the title bar on the screen").isFalse();
    }

    @Test
    void nonsenseInThePreferencesGivesTheDefaults() {
        WindowPlace p = WindowPlace.choose(-5, Double.POSITIVE_INFINITY, NONE, 20, List.of(DESK), DESK);

        assertThat(p).isEqualTo(new WindowPlace(1280, 800, NONE, NONE));
    }

    @Test
    void aScreenSmallerThanTheMinimumGetsAWindowItsOwnSize() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 600, 400);

        WindowPlace p = WindowPlace.choose(NONE, NONE, NONE, NONE, List.of(tiny), tiny);

        assertThat(p.width()).isEqualTo(600);
        assertThat(p.height()).isEqualTo(400);
    }
}
