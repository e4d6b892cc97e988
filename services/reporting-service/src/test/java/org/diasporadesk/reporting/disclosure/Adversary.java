package org.diasporadesk.reporting.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A reader who collects every published figure of a table and solves its relations: every withheld and hidden cell
 * is an unknown whole count, every shown count is taken as exact (the worst case: rounding only widens what the
 * reader knows), a withheld count is at least 1 because zeros are shown, a hidden one at least 0, a signed one
 * anything. For each withheld cell, the smallest and largest value any table with those figures allows, by integer
 * programming (ojAlgo). Independent of how the policy looks for its witnesses.
 */
final class Adversary {

    /**
     * Far beyond any count of the tables tested: a bound that stands for none (ojAlgo's integer solver needs bounded
     * variables: with an unbounded one it reports its starting point as optimal).
     */
    private static final long FAR = 1_000_000;

    record Bounds(double lowest, double highest) {

        boolean determined() {
            return highest - lowest < 0.5;
        }
    }

    private Adversary() {
    }

    static Map<String, Bounds> solve(LinkedTable table, SuppressionPattern pattern) {
        List<Integer> unknowns = new ArrayList<>();
        for (int cell = 0; cell < table.size(); cell++) {
            if (pattern.isWithheld(cell) || table.isHidden(cell)) {
                unknowns.add(cell);
            }
        }
        Map<String, Bounds> bounds = new HashMap<>();
        for (List<Integer> component : components(table, unknowns)) {
            for (int cell : component) {
                if (!table.isHidden(cell)) {
                    bounds.put(table.key(cell), new Bounds(optimum(table, component, cell, false),
                            optimum(table, component, cell, true)));
                }
            }
        }
        return bounds;
    }

    /** Unknowns that share no relation cannot inform each other: each group is solved on its own. */
    private static List<List<Integer>> components(LinkedTable table, List<Integer> unknowns) {
        Map<Integer, Integer> root = new HashMap<>();
        unknowns.forEach(cell -> root.put(cell, cell));
        for (int[] relation : table.relations()) {
            Integer first = null;
            for (int cell : relation) {
                if (root.containsKey(cell)) {
                    if (first == null) {
                        first = cell;
                    } else {
                        root.put(find(root, cell), find(root, first));
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        unknowns.forEach(cell -> groups.computeIfAbsent(find(root, cell), ignored -> new ArrayList<>()).add(cell));
        return List.copyOf(groups.values());
    }

    private static int find(Map<Integer, Integer> root, int cell) {
        int parent = root.get(cell);
        return parent == cell ? cell : find(root, parent);
    }

    private static double optimum(LinkedTable table, List<Integer> component, int target, boolean highest) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<Integer, Variable> variables = new HashMap<>();
        for (int cell : component) {
            Variable variable = model.newVariable(table.key(cell)).integer(true).upper(FAR);
            variable.lower(table.isSigned(cell) ? -FAR : table.isHidden(cell) ? 0 : 1);
            variables.put(cell, variable);
        }
        int[][] relations = table.relations();
        for (int r = 0; r < relations.length; r++) {
            Expression sum = null;
            long constant = 0;
            for (int i = 0; i < relations[r].length; i++) {
                int cell = relations[r][i];
                int sign = i == 0 ? 1 : -1;
                Variable variable = variables.get(cell);
                if (variable == null) {
                    constant -= sign * table.value(cell);
                } else {
                    if (sum == null) {
                        sum = model.newExpression("relation" + r);
                    }
                    sum.add(variable, sign);
                }
            }
            if (sum != null) {
                sum.level(constant);
            }
        }
        variables.get(target).weight(1);
        Optimisation.Result result = highest ? model.maximise() : model.minimise();
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException(table.key(target) + ": " + result);
        }
        return result.getValue();
    }
}
