package org.liqlens.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liqlens.engine.LiquidationEngine;
import org.liqlens.engine.model.LiquidationModel;
import org.liqlens.engine.model.ModelParameter;

/** {@code models}: every model found through ServiceLoader, as JSON. */
final class ModelsCommand {
    private ModelsCommand() { }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments.parse("models", args, 1, Set.of()).allowOnly(Set.of());
        List<Map<String, Object>> models = new ArrayList<>();
        LiquidationEngine engine = LiquidationEngine.standard();
        for (String refused : engine.rejected()) err.println("liqlens-cli: warning: " + refused);
        for (LiquidationModel m : engine.models()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", m.id());
            json.put("name", m.displayName());
            json.put("module", org.liqlens.engine.model.ModelFailureException.originOf(m));
            json.put("description", m.description());
            json.put("requiredInputs", m.requiredInputs().stream().map(Enum::name).sorted().toList());
            List<Map<String, Object>> params = new ArrayList<>();
            for (ModelParameter p : m.parameters()) {
                Map<String, Object> pj = new LinkedHashMap<>();
                pj.put("key", p.key());
                pj.put("description", p.description());
                pj.put("default", p.defaultValue());
                pj.put("min", p.min());
                pj.put("max", p.max());
                params.add(pj);
            }
            json.put("parameters", params);
            models.add(json);
        }
        Json.print(models, out);
        return LiqLensCli.OK;
    }
}
