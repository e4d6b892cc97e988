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

    /** What a reader knows of a cell: its published count, or that it is withheld, hidden or a signed difference. */
    record Known(Long shown, long lowest) {

        static Known shown(long count) {
            return new Known(count, 0);
        }

        /** Withheld: zeros are shown, so at least 1. */
        static Known withheld() {
            return new Known(null, 1);
        }

        /** Hidden, or withheld in a breakdown whose zeros are withheld too: 0 or more. */
        static Known hidden() {
            return new Known(null, 0);
        }

        static Known signed() {
            return new Known(null, -FAR);
        }
    }

    static Map<String, Bounds> solve(LinkedTable table, SuppressionPattern pattern) {
        Map<String, Known> cells = new java.util.LinkedHashMap<>();
        for (int cell = 0; cell < table.size(); cell++) {
            boolean unknown = pattern.isWithheld(cell) || table.isHidden(cell);
            cells.put(table.key(cell), !unknown ? Known.shown(table.value(cell))
                    : table.isSigned(cell) ? Known.signed()
                    : table.isHidden(cell) ? Known.hidden() : Known.withheld());
        }
        List<List<String>> relations = new ArrayList<>();
        for (int[] relation : table.relations()) {
            relations.add(java.util.Arrays.stream(relation).mapToObj(table::key).toList());
        }
        Map<String, Bounds> bounds = solve(cells, relations);
        for (int cell = 0; cell < table.size(); cell++) {
            if (table.isHidden(cell) && !table.isGrouped(cell)) {
                bounds.remove(table.key(cell));
            }
        }
        return bounds;
    }

    /**
     * @param relations each a total's key followed by its parts' keys
     * @return for each cell not shown, the lowest and highest count that every relation allows
     */
    static Map<String, Bounds> solve(Map<String, Known> cells, List<List<String>> relations) {
        return solve(cells, relations, true);
    }

    /**
     * @param integer whole counts (integer programming); without, the linear relaxation rounded inward, which is as
     *                tight where a table's relations are a territory's sums and one level of breakdowns, and faster
     */
    static Map<String, Bounds> solve(Map<String, Known> cells, List<List<String>> relations, boolean integer) {
        List<String> unknowns = cells.entrySet().stream().filter(cell -> cell.getValue().shown() == null)
            .map(Map.Entry::getKey).toList();
        Map<String, Bounds> bounds = new HashMap<>();
        for (List<String> component : components(relations, unknowns)) {
            for (String cell : component) {
                bounds.put(cell, new Bounds(Math.ceil(optimum(cells, relations, component, cell, false, integer) - 1e-6),
                        Math.floor(optimum(cells, relations, component, cell, true, integer) + 1e-6)));
            }
        }
        return bounds;
    }

    /** Unknowns that share no relation cannot inform each other: each group is solved on its own. */
    private static List<List<String>> components(List<List<String>> relations, List<String> unknowns) {
        Map<String, String> root = new HashMap<>();
        unknowns.forEach(cell -> root.put(cell, cell));
        for (List<String> relation : relations) {
            String first = null;
            for (String cell : relation) {
                if (root.containsKey(cell)) {
                    if (first == null) {
                        first = cell;
                    } else {
                        root.put(find(root, cell), find(root, first));
                    }
                }
            }
        }
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        unknowns.forEach(cell -> groups.computeIfAbsent(find(root, cell), ignored -> new ArrayList<>()).add(cell));
        return List.copyOf(groups.values());
    }

    private static String find(Map<String, String> root, String cell) {
        String parent = root.get(cell);
        return parent.equals(cell) ? cell : find(root, parent);
    }

    private static double optimum(Map<String, Known> cells, List<List<String>> relations, List<String> component,
            String target, boolean highest, boolean integer) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> variables = new HashMap<>();
        for (String cell : component) {
            variables.put(cell, model.newVariable(cell).integer(integer).lower(cells.get(cell).lowest()).upper(FAR));
        }
        int r = 0;
        for (List<String> relation : relations) {
            Expression sum = null;
            long constant = 0;
            for (int i = 0; i < relation.size(); i++) {
                String cell = relation.get(i);
                int sign = i == 0 ? 1 : -1;
                Variable variable = variables.get(cell);
                if (variable == null) {
                    Known known = cells.get(cell);
                    if (known == null || known.shown() == null) {
                        sum = null;
                        break;
                    }
                    constant -= sign * known.shown();
                } else {
                    if (sum == null) {
                        sum = model.newExpression("relation" + r++);
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
            throw new IllegalStateException(target + ": " + result);
        }
        return result.getValue();
    }
}
