package io.zhongtai.nl.lexicon;

import io.zhongtai.nl.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds the lexicon's names in a question's tokens: at each token the longest run of tokens that
 * is a name wins; a Chinese word that is no name itself is searched for names inside it (华东区
 * holds 华东). Tokens that another reader has taken (time expressions) are skipped.
 */
public final class TermLinker {
    private final Lexicon lexicon;

    public TermLinker(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param taken says, by token index, which tokens are already taken
     */
    public List<Mention> link(List<Token> tokens, IntPredicate taken) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (taken.test(i) || tokens.get(i).isPunctuation()) {
                i++;
                continue;
            }
            int limit = i;
            while (limit < tokens.size() && limit - i < Lexicon.MAX_TOKENS && !taken.test(limit)) {
                limit++;
            }
            Mention found = null;
            for (int end = limit; end > i && found == null; end--) {
                List<Token> run = tokens.subList(i, end);
                if (run.get(run.size() - 1).isPunctuation()) {
                    continue;
                }
                List<TermRef> refs = lexicon.lookup(Lexicon.key(run));
                if (refs.isEmpty() && end - i == 1 && run.get(0).kind() == Token.Kind.WORD) {
                    refs = lexicon.lookup(singular(run.get(0).text()));
                }
                if (!refs.isEmpty()) {
                    found = new Mention(i, end, run.get(0).start(), run.get(run.size() - 1).end(),
                            Lexicon.key(run), refs);
                }
            }
            if (found != null) {
                mentions.add(found);
                i = found.endToken();
                continue;
            }
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.HAN && token.text().length() > 2) {
                mentions.addAll(inside(token, i));
            }
            i++;
        }
        return mentions;
    }

    private List<Mention> inside(Token token, int index) {
        List<Mention> found = new ArrayList<>();
        String text = token.text();
        int from = 0;
        while (from < text.length()) {
            boolean matched = false;
            for (String key : lexicon.hanKeys()) {
                if (key.length() < text.length() && text.startsWith(key, from)) {
                    found.add(new Mention(index, index + 1, token.start() + from, token.start() + from + key.length(), key,
                            lexicon.lookup(key)));
                    from += key.length();
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                from++;
            }
        }
        return found;
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && word.length() > 3 && (word.endsWith("ses") || word.endsWith("xes") || word.endsWith("ches"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
