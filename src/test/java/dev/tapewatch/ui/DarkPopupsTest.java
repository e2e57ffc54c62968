package dev.tapewatch.ui;

import dev.tapewatch.TempFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.ui.common.FxRead;
import dev.tapewatch.ui.common.Themes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * #27: a dropdown's popup in the dark theme is the theme's dark list edge to edge. The theme's shadow and rounded
 * corners left transparent parts in the popup window, which a desktop without compositing paints white: a white
 * frame around the list.
 */
@ExtendWith(ApplicationExtension.class)
class DarkPopupsTest {
    private ComboBox<String> combo;
    private ChoiceBox<String> choice;
    private MenuButton menu;

    @Start
    void start(Stage stage) throws Exception {
        Themes.apply(AppConfig.load(TempFolders.create("tapewatch-popups").resolve("tapewatch.properties")),
                "dark");
        combo = new ComboBox<>();
        combo.getItems().setAll("SPY", "AAPL", "MSFT");
        choice = new ChoiceBox<>();
        choice.getItems().setAll("1 chart", "2 charts", "4 charts");
        menu = new MenuButton("Symbols", null, new MenuItem("SPY"), new MenuItem("AAPL"));
        HBox window = new HBox(8, combo, choice, menu);
        window.getStylesheets().add(Themes.stylesheet());
        stage.setScene(new Scene(window, 600, 400));
        stage.show();
    }

    @Test
    void aComboBoxPopupIsDarkEdgeToEdge(FxRobot robot) {
        robot.interact(combo::show);
        assertDarkEdgeToEdge(robot, "the ComboBox's");
        robot.interact(combo::hide);
    }

    @Test
    void aChoiceBoxAndAMenuButtonPopupAreDarkEdgeToEdge(FxRobot robot) {
        robot.interact(choice::show);
        assertDarkEdgeToEdge(robot, "the ChoiceBox's");
        robot.interact(choice::hide);
        robot.interact(menu::show);
        assertDarkEdgeToEdge(robot, "the MenuButton's");
        robot.interact(menu::hide);
    }

    /** The showing popup: its window no larger than its styled region, whose fills and borders are all dark. */
    private static void assertDarkEdgeToEdge(FxRobot robot, String which) {
        List<String> problems = FxRead.on(robot, () -> {
            List<String> found = new ArrayList<>();
            PopupWindow popup = Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                    .map(PopupWindow.class::cast).findFirst().orElseThrow();
            popup.getScene().getRoot().applyCss();
            Region list = styled(popup.getScene().getRoot());
            if (popup.getWidth() > list.getWidth() + 1 || popup.getHeight() > list.getHeight() + 1) {
                found.add("the popup window is " + popup.getWidth() + "x" + popup.getHeight() + " around a list of "
                        + list.getWidth() + "x" + list.getHeight() + " (its margin shows white)");
            }
            if (list.getEffect() != null) {
                found.add("the list casts " + list.getEffect());
            }
            for (BackgroundFill fill : list.getBackground().getFills()) {
                if (!(fill.getFill() instanceof Color colour) || colour.getBrightness() > 0.5) {
                    found.add("a background of " + fill.getFill());
                }
                if (!fill.getRadii().isUniform() || fill.getRadii().getTopLeftHorizontalRadius() > 0) {
                    found.add("rounded corners " + fill.getRadii() + " (transparent outside them)");
                }
            }
            if (list.getBorder() != null) {
                for (BorderStroke stroke : list.getBorder().getStrokes()) {
                    if (!(stroke.getTopStroke() instanceof Color colour) || colour.getBrightness() > 0.5) {
                        found.add("a border of " + stroke.getTopStroke());
                    }
                }
            }
            return found;
        });
        assertEquals(List.of(), problems, which + " popup");
    }

    /** The popup's first region with a background: the list or menu the theme paints. */
    private static Region styled(Node node) {
        if (node instanceof Region region && region.getBackground() != null && !region.getBackground().isEmpty()) {
            return region;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Region found = styled(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
