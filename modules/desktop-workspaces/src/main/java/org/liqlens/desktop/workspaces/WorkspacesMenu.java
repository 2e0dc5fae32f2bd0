package org.liqlens.desktop.workspaces;

import java.awt.event.ActionEvent;
import java.io.IOException;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.JComboBox;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import org.openide.DialogDescriptor;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.actions.Presenter;

/**
 * Window › Workspaces: save the arrangement as…, switch to a saved one, rename, delete, reset to the
 * default (Confluence). The submenu is rebuilt each time it opens, so it always lists the saved files.
 */
@ActionID(category = "Window", id = "org.liqlens.desktop.workspaces.WorkspacesMenu")
@ActionRegistration(displayName = "#CTL_Workspaces", lazy = false)
@ActionReference(path = "Menu/Window", position = 5)
@Messages({
    "CTL_Workspaces=Workspaces",
    "CTL_SaveAs=Save Workspace As…",
    "CTL_Rename=Rename Workspace…",
    "CTL_Delete=Delete Workspace…",
    "CTL_Reset=Reset to Default (Confluence)",
    "CTL_NoneSaved=(no saved workspaces)",
    "LBL_WorkspaceName=Workspace name:",
    "TITLE_SaveAs=Save Workspace As",
    "# {0} - workspace",
    "MSG_Overwrite=A workspace named \"{0}\" exists. Replace it?",
    "TITLE_Rename=Rename Workspace",
    "LBL_NewName=New name:",
    "TITLE_Delete=Delete Workspace",
    "# {0} - workspace",
    "MSG_ConfirmDelete=Delete workspace \"{0}\"? The open panes stay open.",
    "# {0} - problem",
    "MSG_WorkspaceProblem=Workspace: {0}"
})
public final class WorkspacesMenu extends AbstractAction implements Presenter.Menu {
    private static final long serialVersionUID = 1L;

    public WorkspacesMenu() {
        super(Bundle.CTL_Workspaces());
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        // only a submenu
    }

    @Override
    public JMenuItem getMenuPresenter() {
        JMenu menu = new JMenu(Bundle.CTL_Workspaces());
        menu.addMenuListener(new MenuListener() {
            @Override public void menuSelected(MenuEvent e) { fill(menu); }
            @Override public void menuDeselected(MenuEvent e) { }
            @Override public void menuCanceled(MenuEvent e) { }
        });
        fill(menu);
        return menu;
    }

    private static void fill(JMenu menu) {
        menu.removeAll();
        menu.add(item(Bundle.CTL_SaveAs(), WorkspacesMenu::saveAs));
        menu.add(item(Bundle.CTL_Rename(), WorkspacesMenu::rename));
        menu.add(item(Bundle.CTL_Delete(), WorkspacesMenu::delete));
        menu.add(item(Bundle.CTL_Reset(), () -> Workspaces.apply(Workspaces.defaultWorkspace())));
        menu.addSeparator();
        List<String> names = Workspaces.savedNames();
        if (names.isEmpty()) {
            JMenuItem none = new JMenuItem(Bundle.CTL_NoneSaved());
            none.setEnabled(false);
            menu.add(none);
        }
        String current = Workspaces.currentName();
        for (String name : names) {
            JRadioButtonMenuItem it = new JRadioButtonMenuItem(name, name.equals(current));
            it.addActionListener(e -> switchTo(name));
            menu.add(it);
        }
    }

    private static JMenuItem item(String text, Runnable r) {
        JMenuItem it = new JMenuItem(text);
        it.addActionListener(e -> r.run());
        return it;
    }

    static void switchTo(String name) {
        try {
            Workspaces.apply(Workspaces.load(name));
        } catch (IOException | RuntimeException e) {
            problem(e);
        }
    }

    private static void saveAs() {
        NotifyDescriptor.InputLine in = new NotifyDescriptor.InputLine(Bundle.LBL_WorkspaceName(), Bundle.TITLE_SaveAs());
        in.setInputText(Workspaces.currentName());
        if (DialogDisplayer.getDefault().notify(in) != NotifyDescriptor.OK_OPTION) return;
        String name = in.getInputText();
        try {
            Workspace.checkName(name);
            if (Workspaces.savedNames().contains(name.trim())) {
                NotifyDescriptor.Confirmation c = new NotifyDescriptor.Confirmation(Bundle.MSG_Overwrite(name.trim()),
                        NotifyDescriptor.OK_CANCEL_OPTION);
                if (DialogDisplayer.getDefault().notify(c) != NotifyDescriptor.OK_OPTION) return;
            }
            Workspaces.saveAs(name);
        } catch (IOException | RuntimeException e) {
            problem(e);
        }
    }

    private static String choose(String title) {
        List<String> names = Workspaces.savedNames();
        if (names.isEmpty()) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.CTL_NoneSaved()));
            return null;
        }
        JComboBox<String> box = new JComboBox<>(names.toArray(String[]::new));
        box.setSelectedItem(Workspaces.currentName());
        JPanel p = new JPanel();
        p.add(box);
        if (DialogDisplayer.getDefault().notify(new DialogDescriptor(p, title)) != DialogDescriptor.OK_OPTION) return null;
        return (String) box.getSelectedItem();
    }

    private static void rename() {
        String from = choose(Bundle.TITLE_Rename());
        if (from == null) return;
        NotifyDescriptor.InputLine in = new NotifyDescriptor.InputLine(Bundle.LBL_NewName(), Bundle.TITLE_Rename());
        in.setInputText(from);
        if (DialogDisplayer.getDefault().notify(in) != NotifyDescriptor.OK_OPTION) return;
        try {
            Workspaces.rename(from, in.getInputText());
        } catch (IOException | RuntimeException e) {
            problem(e);
        }
    }

    private static void delete() {
        String name = choose(Bundle.TITLE_Delete());
        if (name == null) return;
        NotifyDescriptor.Confirmation c = new NotifyDescriptor.Confirmation(Bundle.MSG_ConfirmDelete(name), NotifyDescriptor.OK_CANCEL_OPTION);
        if (DialogDisplayer.getDefault().notify(c) != NotifyDescriptor.OK_OPTION) return;
        try {
            Workspaces.delete(name);
        } catch (IOException | RuntimeException e) {
            problem(e);
        }
    }

    private static void problem(Exception e) {
        DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(Bundle.MSG_WorkspaceProblem(e.getMessage()),
                NotifyDescriptor.WARNING_MESSAGE));
    }
}
