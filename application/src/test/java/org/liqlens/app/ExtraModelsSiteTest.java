package org.liqlens.app;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The update centre the build ships (target/liqlens/netbeans_site): its catalogue lists exactly the two extra models,
 * each NBM beside it holds a complete Info/info.xml and a module jar with its manifest and its services file, and
 * neither model is installed in the application itself. No platform boot: it reads the files.
 */
public class ExtraModelsSiteTest {

    static final Path APP = Path.of(System.getProperty("all.clusters", "target/liqlens"));
    static final List<String> MODELS = List.of("org.liqlens.models.funding", "org.liqlens.models.toptrader");

    static DocumentBuilder xml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);   // offline: no DTD fetch
        return f.newDocumentBuilder();
    }

    @Test
    public void theCatalogueListsBothModelsAndTheirNbmsAreComplete() throws Exception {
        Path site = APP.resolve("netbeans_site");
        Document catalogue = xml().parse(site.resolve("updates.xml").toFile());
        NodeList modules = catalogue.getElementsByTagName("module");
        assertEquals("exactly the two extra models", MODELS.size(), modules.getLength());
        for (int i = 0; i < modules.getLength(); i++) {
            Element m = (Element) modules.item(i);
            String cnb = m.getAttribute("codenamebase");
            assertTrue(cnb, MODELS.contains(cnb));
            assertEquals(cnb + " installs without a restart", "false", m.getAttribute("needsrestart"));
            Path nbm = site.resolve(m.getAttribute("distribution"));
            assertTrue("the NBM sits beside updates.xml: " + nbm, Files.isRegularFile(nbm));
            checkNbm(nbm, cnb);
            assertTrue(cnb + " is not installed in the application",
                    Files.notExists(APP.resolve("liqlens/modules/" + cnb.replace('.', '-') + ".jar")));
        }
    }

    static void checkNbm(Path nbm, String cnb) throws Exception {
        try (ZipFile zip = new ZipFile(nbm.toFile())) {
            ZipEntry info = zip.getEntry("Info/info.xml");
            assertNotNull(nbm + " has Info/info.xml", info);
            Document doc;
            try (InputStream in = zip.getInputStream(info)) {
                doc = xml().parse(in);
            }
            Element module = doc.getDocumentElement();
            assertEquals("module", module.getTagName());
            assertEquals(cnb, module.getAttribute("codenamebase"));
            assertTrue(module.hasAttribute("downloadsize") && module.hasAttribute("moduleauthor"));
            Element manifest = (Element) module.getElementsByTagName("manifest").item(0);
            assertEquals(cnb, manifest.getAttribute("OpenIDE-Module"));
            assertTrue(manifest.getAttribute("OpenIDE-Module-Specification-Version").matches("\\d+(\\.\\d+)*"));
            assertTrue("depends on the model SDK 1.1: " + manifest.getAttribute("OpenIDE-Module-Module-Dependencies"),
                    manifest.getAttribute("OpenIDE-Module-Module-Dependencies").contains("org.liqlens.engine > 1.1"));
            assertTrue(!manifest.getAttribute("OpenIDE-Module-Name").isBlank());
            assertTrue(!manifest.getAttribute("OpenIDE-Module-Long-Description").isBlank());

            ZipEntry jarEntry = zip.getEntry("netbeans/modules/" + cnb.replace('.', '-') + ".jar");
            assertNotNull(nbm + " holds the module jar", jarEntry);
            try (JarInputStream jar = new JarInputStream(zip.getInputStream(jarEntry))) {
                Manifest mf = jar.getManifest();
                assertEquals(cnb, mf.getMainAttributes().getValue("OpenIDE-Module"));
                String services = null;
                for (var e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    if (e.getName().equals("META-INF/services/org.liqlens.engine.model.LiquidationModel")) {
                        services = new String(jar.readAllBytes(), StandardCharsets.UTF_8).trim();
                    }
                }
                assertNotNull(cnb + " registers its model", services);
                assertTrue(services, services.startsWith(cnb + "."));
            }
        }
    }
}
