package org.liqlens.engine.model;

/** A model was asked to estimate without market data it needs. */
public final class MissingInputException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String modelId;
    private final ModelInput input;

    public MissingInputException(LiquidationModel model, ModelInput input) {
        this(model.id(), model.displayName(), input,
                "model " + model.id() + " (" + model.displayName() + ") needs " + input.description()
                        + "; the source provided none");
    }

    public MissingInputException(String modelId, String modelName, ModelInput input, String message) {
        super(message);
        this.modelId = modelId;
        this.input = input;
    }

    public String modelId() { return modelId; }

    public ModelInput input() { return input; }
}
