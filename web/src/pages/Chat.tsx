import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { listMetrics, runQuery } from '../api/metrics';
import type { Answer, MetricQuery } from '../api/types';
import ResultView from '../components/ResultView';
import { useSession } from '../components/Session';
import { ErrorMessage, Loading } from '../components/ui';
import { useI18n, type I18n } from '../i18n/I18n';
import { normalizeMetric } from '../lib/metric';
import { useApi } from '../lib/useApi';

interface Turn {
  key: number;
  question: string;
  answer?: Answer;
  error?: unknown;
  pending: boolean;
  /** A clarification option the user picked, run as the metric query it is. */
  picked?: MetricQuery;
}

let turnKey = 0;

/** A reading of a metric query in words, for clarification options and the interpretation. */
export function describeQuery(query: MetricQuery, t: I18n['t']): string {
  if (typeof query.label === 'string' && query.label) return query.label;
  const parts = [query.metrics.join(', ')];
  const dimensions = (query.dimensions ?? []).filter((d) => d !== 'metric_time');
  if (dimensions.length) parts.push(t('chat.by', { dimensions: dimensions.join(', ') }));
  if (query.grain) parts.push(t('chat.per', { grain: query.grain }));
  if (query.filters?.length) parts.push(t('chat.where', { filters: query.filters.join(' AND ') }));
  if (query.timeRange?.start || query.timeRange?.end) parts.push(`${query.timeRange.start ?? '…'} – ${query.timeRange.end ?? '…'}`);
  return parts.join(' · ');
}

export default function Chat() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [conversationId, setConversationId] = useState<string>();
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const metrics = useApi((signal) => listMetrics(signal), []);

  const suggestions = useMemo(() => {
    const list = (metrics.data?.items ?? []).map((m) => normalizeMetric(m, lang)).sort((a, b) => Number(b.certified) - Number(a.certified));
    const picks = list.slice(0, 3);
    const questions: string[] = [];
    picks.forEach((m, i) => {
      const dimension = m.dimensions[i % Math.max(1, m.dimensions.length)];
      questions.push(t('chat.suggest.trend', { metric: m.label }));
      if (dimension) questions.push(t('chat.suggest.breakdown', { metric: m.label, dimension: dimension.label }));
    });
    if (picks[0]) questions.push(t('chat.suggest.value', { metric: picks[0].label }));
    return questions.slice(0, 6);
  }, [metrics.data, lang, t]);

  const ask = async (question: string) => {
    const key = ++turnKey;
    setTurns((current) => [...current, { key, question, pending: true }]);
    try {
      const body: Record<string, unknown> = { question };
      if (conversationId) body.conversationId = conversationId;
      let answer: Answer;
      try {
        answer = await api.post<Answer>('/api/v1/ask', body);
      } catch (e) {
        // the server no longer knows the conversation (restarted, expired): ask afresh and say so
        if (!(conversationId && e instanceof ApiError && e.problem?.type?.endsWith(':conversation-not-found'))) throw e;
        delete body.conversationId;
        answer = { ...(await api.post<Answer>('/api/v1/ask', body)), notice: t('chat.conversationExpired') };
      }
      if (answer.conversationId) setConversationId(answer.conversationId);
      setTurns((current) => current.map((turn) => (turn.key === key ? { ...turn, answer, pending: false } : turn)));
    } catch (e) {
      setTurns((current) => current.map((turn) => (turn.key === key ? { ...turn, error: e, pending: false } : turn)));
    }
  };

  const pick = async (option: MetricQuery) => {
    const key = ++turnKey;
    const question = describeQuery(option, t);
    setTurns((current) => [...current, { key, question, pending: true, picked: option }]);
    try {
      const result = await runQuery(option);
      const answer: Answer = { ...result, interpretation: option, explanation: t('chat.pickedExplanation', { reading: question }) };
      setTurns((current) => current.map((turn) => (turn.key === key ? { ...turn, answer, pending: false } : turn)));
    } catch (e) {
      setTurns((current) => current.map((turn) => (turn.key === key ? { ...turn, error: e, pending: false } : turn)));
    }
  };

  // "Ask about this metric" arrives with its question
  const asked = params.get('ask');
  useEffect(() => {
    if (asked) {
      const next = new URLSearchParams(params);
      next.delete('ask');
      next.delete('metric');
      setParams(next, { replace: true });
      ask(asked);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked]);

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [turns]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const question = text.trim();
    if (!question) return;
    setText('');
    ask(question);
  };

  if (!can('analyst')) {
    return (
      <div className="page chat-page">
        <h1>{t('chat.title')}</h1>
        <div className="notice" role="alert">
          {t('chat.analystsOnly')}
        </div>
      </div>
    );
  }
  return (
    <div className="page chat-page">
      <div className="chat-head">
        <h1>{t('chat.title')}</h1>
        {turns.length > 0 && (
          <button
            type="button"
            onClick={() => {
              setTurns([]);
              setConversationId(undefined);
            }}
            data-testid="new-conversation"
          >
            {t('chat.new')}
          </button>
        )}
      </div>
      {turns.length === 0 && (
        <section className="chat-welcome">
          <p className="muted">{t('chat.intro')}</p>
          <ErrorMessage error={metrics.error} what={t('chat.suggestionsFailed')} />
          {suggestions.length > 0 && (
            <div className="suggested" data-testid="suggested-questions">
              <strong>{t('chat.tryThese')}</strong>
              {suggestions.map((q) => (
                <button key={q} type="button" className="chip suggestion" onClick={() => ask(q)}>
                  {q}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
      <div className="conversation" data-testid="conversation">
        {turns.map((turn) => (
          <div key={turn.key} className="turn" data-testid="turn">
            <div className="bubble question">{turn.question}</div>
            <div className="bubble answer" data-testid="answer">
              {turn.pending && <Loading label={t('chat.thinking')} />}
              <ErrorMessage error={turn.error} />
              {turn.answer && <AnswerView answer={turn.answer} question={turn.question} onPick={pick} conversationId={conversationId} />}
            </div>
          </div>
        ))}
        <div ref={end} />
      </div>
      <form className="chat-input" onSubmit={submit}>
        <input
          name="question"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={turns.length ? t('chat.followUpPlaceholder') : t('chat.placeholder')}
          aria-label={t('chat.placeholder')}
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('chat.send')}
        </button>
      </form>
    </div>
  );
}

function AnswerView({
  answer,
  question,
  onPick,
  conversationId,
}: {
  answer: Answer;
  question: string;
  onPick: (option: MetricQuery) => void;
  conversationId?: string;
}) {
  const { t } = useI18n();
  const [feedback, setFeedback] = useState<'sent' | null>(null);
  const [feedbackError, setFeedbackError] = useState<unknown>();
  const send = async (correct: boolean) => {
    setFeedbackError(undefined);
    try {
      // the service's feedback endpoint (catalog-service AskController): the answer's turn of its conversation
      const id = answer.conversationId ?? conversationId;
      const turn = (answer as { turn?: unknown }).turn;
      await api.post(`/api/v1/ask/${encodeURIComponent(String(id))}/feedback`, {
        ...(typeof turn === 'number' ? { turn } : {}),
        verdict: correct ? 'correct' : 'incorrect',
        comment: question,
      });
      setFeedback('sent');
    } catch (e) {
      setFeedbackError(e);
    }
  };
  return (
    <div>
      {answer.notice && (
        <p className="notice" data-testid="answer-notice">
          {answer.notice}
        </p>
      )}
      {answer.explanation && (
        <p className="explanation" data-testid="explanation">
          {answer.explanation}
        </p>
      )}
      {answer.interpretation && (
        <details className="interpretation">
          <summary>{t('chat.interpretation')}</summary>
          <p>{describeQuery(answer.interpretation, t)}</p>
        </details>
      )}
      {answer.clarification && (
        <div className="clarification" data-testid="clarification">
          <p>
            <strong>{answer.clarification.question}</strong>
          </p>
          {answer.clarification.options.map((option, i) => (
            <button key={i} type="button" className="chip option" onClick={() => onPick(option)} data-testid="clarification-option">
              {describeQuery(option, t)}
            </button>
          ))}
        </div>
      )}
      {answer.columns && answer.rows && (answer.rows.length > 0 || !answer.clarification) && (
        <ResultView columns={answer.columns} rows={answer.rows} sql={answer.sql} truncated={answer.truncated} chartHint={answer.chart?.type} grain={answer.interpretation?.grain} />
      )}
      <div className="feedback">
        {feedback === 'sent' ? (
          <span className="muted" data-testid="feedback-thanks">
            {t('chat.feedbackThanks')}
          </span>
        ) : (
          <>
            <span className="muted">{t('chat.feedbackAsk')}</span>
            <button type="button" onClick={() => send(true)} data-testid="feedback-up">
              ✓ {t('chat.correct')}
            </button>
            <button type="button" onClick={() => send(false)} data-testid="feedback-down">
              ✕ {t('chat.incorrect')}
            </button>
          </>
        )}
        <ErrorMessage error={feedbackError} />
      </div>
    </div>
  );
}
