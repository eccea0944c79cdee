package org.socketstage.ui.trace;

import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.socketstage.ui.text.UiText;

/**
 * File → Trace a program…: the command line, the folder to start it in, the port it should use and its
 * source file, or one of the programs traced before. OK stays disabled while a field is wrong, and the dialog
 * says which and what is accepted.
 */
public final class TraceProgramDialog extends Dialog<ProgramLaunch> {

    private final TextField command = new TextField();
    private final TextField folder = new TextField();
    private final TextField port = new TextField();
    private final TextField source = new TextField();
    private final Label problems = new Label();
    private ProgramLaunch checked;

    public TraceProgramDialog(Window owner, UiText text, List<RecentPrograms.Entry> recent, String stylesheet) {
        initOwner(owner);
        setTitle(text.get("program.dialog.title"));
        setHeaderText(text.get("program.dialog.header"));
        getDialogPane().setId("trace-program-dialog");
        getDialogPane().getStylesheets().add(stylesheet);
        ButtonType trace = new ButtonType(text.get("program.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(trace, ButtonType.CANCEL);

        command.setId("trace-command");
        command.setPromptText(text.get("program.dialog.command.prompt"));
        folder.setId("trace-folder");
        folder.setPromptText(text.get("program.dialog.folder.prompt"));
        port.setId("trace-port");
        port.setPromptText(text.get("program.dialog.port.prompt"));
        source.setId("trace-source");
        source.setPromptText(text.get("program.dialog.source.prompt"));
        problems.setId("trace-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("program-warning");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        int row = 0;
        if (!recent.isEmpty()) {
            ComboBox<RecentPrograms.Entry> recentBox = new ComboBox<>();
            recentBox.setId("trace-recent");
            recentBox.getItems().setAll(recent);
            recentBox.setPromptText(text.get("program.dialog.recent.prompt"));
            recentBox.setMaxWidth(Double.MAX_VALUE);
            recentBox.setConverter(new StringConverter<>() {
                @Override
                public String toString(RecentPrograms.Entry e) {
                    return e == null ? "" : e.command() + (e.folder().isEmpty() ? "" : "   (" + e.folder() + ")");
                }

                @Override
                public RecentPrograms.Entry fromString(String s) {
                    return null;
                }
            });
            recentBox.valueProperty().addListener((o, a, e) -> {
                if (e != null) {
                    fill(e);
                }
            });
            grid.addRow(row++, new Label(text.get("program.dialog.recent")), recentBox);
        }
        grid.addRow(row++, new Label(text.get("program.dialog.command")), command);
        Button browseFolder = new Button(text.get("program.dialog.browse"));
        browseFolder.setOnAction(e -> chooseFolder(owner, text));
        grid.addRow(row++, new Label(text.get("program.dialog.folder")), folder, browseFolder);
        grid.addRow(row++, new Label(text.get("program.dialog.port")), port);
        Button browseSource = new Button(text.get("program.dialog.browse"));
        browseSource.setOnAction(e -> chooseSource(owner, text));
        grid.addRow(row++, new Label(text.get("program.dialog.source")), source, browseSource);
        Label hint = new Label(text.get("program.dialog.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox content = new VBox(10, grid, hint, problems);
        content.setPrefWidth(640);
        getDialogPane().setContent(content);

        Node ok = getDialogPane().lookupButton(trace);
        for (TextField f : List.of(command, folder, port, source)) {
            f.textProperty().addListener((o, a, b) -> validate(ok));
        }
        validate(ok);
        // a last check when OK is pressed: the folder may have gone meanwhile
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            validate(ok);
            if (checked == null) {
                e.consume();
            }
        });
        setResultConverter(b -> b == trace ? checked : null);
        setOnShown(e -> command.requestFocus());
    }

    /** Fills the fields from a remembered program. */
    void fill(RecentPrograms.Entry e) {
        command.setText(e.command());
        folder.setText(e.folder());
        port.setText(e.port());
        source.setText(e.source());
    }

    private void validate(Node ok) {
        ProgramLaunch.Checked c = ProgramLaunch.check(command.getText(), folder.getText(), port.getText(),
                source.getText());
        checked = c.launch().orElse(null);
        // an empty command is no error yet: the user has not typed it
        problems.setText(command.getText().isBlank() ? "" : String.join("\n", c.problems()));
        ok.setDisable(checked == null);
    }

    private void chooseFolder(Window owner, UiText text) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.get("program.dialog.folder"));
        Optional.ofNullable(chooser.showDialog(getDialogPane().getScene().getWindow()))
                .ifPresent(f -> folder.setText(f.getPath()));
    }

    private void chooseSource(Window owner, UiText text) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("program.dialog.source"));
        File dir = folder.getText().isBlank() ? null : new File(folder.getText().trim());
        if (dir != null && dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        Optional.ofNullable(chooser.showOpenDialog(getDialogPane().getScene().getWindow()))
                .ifPresent(f -> source.setText(f.getPath()));
    }

    TextField commandField() {
        return command;
    }
}
