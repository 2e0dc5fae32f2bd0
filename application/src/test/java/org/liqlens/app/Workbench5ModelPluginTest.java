package org.liqlens.app;

import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import junit.framework.Test;
import org.liqlens.desktop.panes.ChartPaneTopComponent;
import org.liqlens.desktop.panes.PaneSpec;
import org.liqlens.engine.model.LiquidationModel;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * The extra models on the application as built: the shipped update centre (netbeans_site/, registered by the branding
 * layer) offers the funding-adjusted ladder; installing it through the Autoupdate API, as Tools › Plugins does, needs
 * no restart, and the model appears at once in Lookup, in an open pane's model chooser and in a pane that uses it;
 * disabling it makes it leave, and that pane says so and names the models it can switch to.
 *
 * <p>The Autoupdate API is called by reflection: the build resolves the platform offline and only the module's NBM,
 * not its jar, is in the local repository, so the test cannot compile against it; inside the running platform the
 * classes are there.
 */
public class Workbench5ModelPluginTest extends WorkbenchTestSupport {

    static final String FUNDING = "org.liqlens.models.funding";

    public Workbench5ModelPluginTest(String name) {
        super(name);
    }

    public static Test suite() {
        return configuration(false).addTest(Workbench5ModelPluginTest.class, "testInstallTheFundingModelOfflineThenDisableIt").suite();
    }

    public void testInstallTheFundingModelOfflineThenDisableIt() throws Exception {
        // the app has Tools › Plugins, and ships its update centre
        assertTrue("the autoupdate UI module (Tools › Plugins) is enabled", enabled("org.netbeans.modules.autoupdate.ui"));
        Path site = Path.of(System.getProperty("netbeans.home")).resolve("../netbeans_site/updates.xml").normalize();
        assertTrue("the installation ships its update centre: " + site, Files.isRegularFile(site));
        String catalogue = Files.readString(site);
        assertTrue(catalogue, catalogue.contains("codenamebase=\"" + FUNDING + "\""));
        assertTrue(catalogue, catalogue.contains("codenamebase=\"org.liqlens.models.toptrader\""));
        assertFalse("the template is never published", catalogue.contains("org.liqlens.models.template"));
        assertFalse("the extra model is not part of the default application", enabled(FUNDING));
        assertFalse(modelIds().contains("m1f"));

        ChartPaneTopComponent first = (ChartPaneTopComponent) waitForReadyPane(CONFLUENCE[0], 180_000);
        assertNotNull(first);
        JComboBox<?> chooser = combo(first, "m1");
        assertFalse(items(chooser).contains("m1f"));

        ClassLoader system = Lookup.getDefault().lookup(ClassLoader.class);
        Class<?> factoryClass = Class.forName("org.netbeans.api.autoupdate.UpdateUnitProviderFactory", true, system);
        Object factory = factoryClass.getMethod("getDefault").invoke(null);
        Object provider = null;
        for (Object p : (List<?>) call(factory, "getUpdateUnitProviders", false)) {
            if (call(p, "getName").equals("org_liqlens_models_update_center")) provider = p;
        }
        assertNotNull("the branding registers the bundled update centre", provider);
        assertTrue("it is enabled", (Boolean) call(provider, "isEnabled"));
        call(provider, "refresh", null, true);

        Class<?> managerClass = Class.forName("org.netbeans.api.autoupdate.UpdateManager", true, system);
        Object manager = managerClass.getMethod("getDefault").invoke(null);
        Object unit = unit(manager, system, FUNDING);
        assertNotNull("Tools › Plugins › Available lists the funding-adjusted ladder", unit);
        Object topTrader = unit(manager, system, "org.liqlens.models.toptrader");
        assertNotNull("… and the top-trader split", topTrader);
        assertNull(call(topTrader, "getInstalled"));
        assertNull("not installed yet", call(unit, "getInstalled"));
        Object element = ((List<?>) call(unit, "getAvailableUpdates")).get(0);

        // install, as the Plugins dialog does: download, validate, install
        Class<?> containerClass = Class.forName("org.netbeans.api.autoupdate.OperationContainer", true, system);
        Object install = containerClass.getMethod("createForInstall").invoke(null);
        Object info = call(install, "add", element);
        assertNotNull("the NBM can be installed", info);
        call(install, "add", (Collection<?>) call(info, "getRequiredElements"));
        assertTrue("nothing is missing: " + call(install, "listInvalid"), ((List<?>) call(install, "listInvalid")).isEmpty());
        Object support = call(install, "getSupport");
        Object validator = callAny(support, "doDownload", null, false, false);
        Object installer = call(support, "doValidate", validator, null);
        Object restarter = call(support, "doInstall", installer, null);
        assertNull("installing a model needs no restart", restarter);

        waitFor("the model to appear in Lookup", () -> modelIds().contains("m1f"), 30_000);
        assertTrue(enabled(FUNDING));
        waitFor("the open pane's chooser to list it", () -> items(chooser).contains("m1f"), 30_000);

        // a pane on the new model shows a map at once
        PaneSpec spec = PaneSpec.DEFAULT.withModel("m1f");
        ChartPaneTopComponent pane = onEdt(() -> {
            ChartPaneTopComponent p = new ChartPaneTopComponent(spec);
            p.open();
            p.requestActive();
            return p;
        });
        waitFor("the m1f pane to be estimated", () -> pane.result() != null && "m1f".equals(pane.result().modelId()), 180_000);
        assertTrue(total(pane.result()) > 0);
        String shot = System.getProperty("liqlens.screenshot");
        if (shot != null) ScreenshotSupport.capture(Path.of(shot));

        // a model that throws fails its own pane, named, and nothing else
        ChartPaneTopComponent broken = onEdt(() -> {
            ChartPaneTopComponent p = new ChartPaneTopComponent(PaneSpec.DEFAULT.withModel("broken-test"));
            p.open();
            p.requestActive();
            return p;
        });
        waitFor("the broken model's pane to name it", () -> text(broken).contains("model broken-test (from "), 120_000);
        String brokenSays = onEdt(() -> text(broken));
        assertTrue(brokenSays, brokenSays.contains("deliberate failure in a test model"));
        assertTrue("the m1f pane still shows its map", onEdt(pane::result) != null);
        onEdt(() -> { broken.close(); pane.requestActive(); return null; });

        // disable it: the model leaves Lookup and the chooser; the pane says so and offers the others
        Object disable = containerClass.getMethod("createForDirectDisable").invoke(null);
        call(disable, "add", call(unit(manager, system, FUNDING), "getInstalled"));
        Object disabler = call(disable, "getSupport");
        call(disabler, "doOperation", (Object) null);
        waitFor("the model to leave Lookup", () -> !modelIds().contains("m1f"), 30_000);
        waitFor("the chooser to drop it", () -> !items(chooser).contains("m1f"), 30_000);
        waitFor("the pane to say its model is gone", () -> text(pane).contains("Model m1f is not installed any more"), 30_000);
        String said = onEdt(() -> text(pane));
        assertTrue(said, said.contains("m1, ") && said.contains("m3"));
        assertNull("no stale picture", onEdt(pane::result));

        // install the top-trader split the same way, then uninstall it: it leaves Lookup and the chooser, and
        // its module jar leaves the user directory, so that Tools › Plugins offers it again
        Object installTop = containerClass.getMethod("createForInstall").invoke(null);
        Object topInfo = call(installTop, "add", ((List<?>) call(topTrader, "getAvailableUpdates")).get(0));
        call(installTop, "add", (Collection<?>) call(topInfo, "getRequiredElements"));
        Object topSupport = call(installTop, "getSupport");
        assertNull("installing a model needs no restart",
                call(topSupport, "doInstall", call(topSupport, "doValidate", callAny(topSupport, "doDownload", null, false, false), null), null));
        waitFor("m1r to appear in Lookup", () -> modelIds().contains("m1r"), 30_000);
        waitFor("the chooser to list m1r", () -> items(chooser).contains("m1r"), 30_000);
        Path jar = Path.of(System.getProperty("netbeans.user"), "modules", "org-liqlens-models-toptrader.jar");
        assertTrue("installed into the user directory: " + jar, Files.isRegularFile(jar));

        // the update units are computed once and kept: asked again (as Tools › Plugins does on reopening), they list
        // m1r as installed
        final Object centre = provider;
        waitFor("the update unit to see m1r installed", () -> {
            call(centre, "refresh", null, true);
            return call(unit(manager, system, "org.liqlens.models.toptrader"), "getInstalled") != null;
        }, 30_000);
        // Uninstall, directly (the deferred createForUninstall marks files for deletion at the next start):
        // the model leaves Lookup and the chooser, and its jar is deleted at once
        Object uninstall = containerClass.getMethod("createForDirectUninstall").invoke(null);
        call(uninstall, "add", call(unit(manager, system, "org.liqlens.models.toptrader"), "getInstalled"));
        assertTrue("nothing blocks the uninstall: " + call(uninstall, "listInvalid"), ((List<?>) call(uninstall, "listInvalid")).isEmpty());
        assertNull("uninstalling a model needs no restart", call(call(uninstall, "getSupport"), "doOperation", (Object) null));
        waitFor("m1r to leave Lookup", () -> !modelIds().contains("m1r"), 30_000);
        waitFor("the chooser to drop m1r", () -> !items(chooser).contains("m1r"), 30_000);
        assertFalse("its jar is deleted: " + jar, Files.exists(jar));
        waitFor("the update unit to see m1r uninstalled", () -> {
            call(centre, "refresh", null, true);
            return call(unit(manager, system, "org.liqlens.models.toptrader"), "getInstalled") == null;
        }, 30_000);
        Object again = unit(manager, system, "org.liqlens.models.toptrader");
        assertFalse("offered again under Available", ((List<?>) call(again, "getAvailableUpdates")).isEmpty());
    }

    static boolean enabled(String codeNameBase) {
        for (ModuleInfo m : Lookup.getDefault().lookupAll(ModuleInfo.class)) {
            if (m.getCodeNameBase().equals(codeNameBase)) return m.isEnabled();
        }
        return false;
    }

    static List<String> modelIds() {
        return Lookup.getDefault().lookupAll(LiquidationModel.class).stream().map(LiquidationModel::id).toList();
    }

    static List<String> items(JComboBox<?> box) throws Exception {
        java.util.concurrent.Callable<List<String>> read = () -> {
            List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < box.getItemCount(); i++) out.add(String.valueOf(box.getItemAt(i)));
            return out;
        };
        return java.awt.EventQueue.isDispatchThread() ? read.call() : onEdt(read);
    }

    static String text(Container root) {
        StringBuilder b = new StringBuilder();
        for (Component c : root.getComponents()) {
            if (c instanceof JLabel l && l.isVisible() && l.getText() != null) b.append(l.getText()).append('\n');
            if (c instanceof Container k) b.append(text(k));
        }
        return b.toString();
    }

    static Object unit(Object manager, ClassLoader system, String codeName) throws Exception {
        Class<?> type = Class.forName("org.netbeans.api.autoupdate.UpdateManager$TYPE", true, system);
        Object module = type.getField("MODULE").get(null);
        for (Object u : (List<?>) manager.getClass().getMethod("getUpdateUnits", type.arrayType()).invoke(manager,
                java.lang.reflect.Array.newInstance(type, 1).getClass().cast(arrayOf(type, module)))) {
            if (call(u, "getCodeName").equals(codeName)) return u;
        }
        return null;
    }

    private static Object arrayOf(Class<?> type, Object value) {
        Object a = java.lang.reflect.Array.newInstance(type, 1);
        java.lang.reflect.Array.set(a, 0, value);
        return a;
    }

    /** Calls the public method {@code name} whose parameter count matches (the API's types are not on our classpath). */
    static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + " with " + args.length + " arguments");
    }

    /** As {@link #call}, trying the overload with the most parameters that fit a prefix of {@code args}. */
    static Object callAny(Object target, String name, Object... args) throws Exception {
        for (int n = args.length; n >= 0; n--) {
            Object[] a = java.util.Arrays.copyOf(args, n);
            for (Method m : target.getClass().getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == n && accepts(m, a)) {
                    m.setAccessible(true);
                    return m.invoke(target, a);
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                if (types[i].isPrimitive()) return false;
                continue;
            }
            Class<?> t = types[i].isPrimitive() ? box(types[i]) : types[i];
            if (!t.isInstance(args[i])) return false;
        }
        return true;
    }

    private static Class<?> box(Class<?> p) {
        return p == boolean.class ? Boolean.class : p == int.class ? Integer.class : p == long.class ? Long.class : p;
    }
}
