// Lit templates for each part of a decision trace: tally, pairwise table, analysis, debate rounds.
import { html, nothing, type TemplateResult } from 'lit';
import type {
  BestOfTrace,
  DebateTrace,
  JudgeCall,
  MergeTrace,
  VoteDecision,
  VoteTrace,
} from '../modes/trace.js';

export type Name = (memberId: string) => string;

const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 100)}%`;

export function decisionTable(decision: VoteDecision, name: Name, caption: string): TemplateResult {
  return html`<div class="scroll">
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Voter</th>
            <th scope="col">Answers given</th>
            <th scope="col">Own majority</th>
            <th scope="col">Agreement</th>
            <th scope="col">Recorded accuracy</th>
          </tr>
        </thead>
        <tbody>
          ${decision.perVoter.map(
            (t) =>
              html`<tr class=${t.voterId === decision.winnerVoterId ? 'winner' : ''}>
                <th scope="row">
                  ${t.voterId === t.memberId ? name(t.memberId) : `${t.voterId} (${name(t.memberId)})`}
                  ${t.voterId === decision.winnerVoterId ? html`<span class="pill">winner</span>` : nothing}
                </th>
                <td>${t.counts.map((c) => `${c.answer} ×${c.count}`).join(', ') || '—'}</td>
                <td>${t.majority ?? '—'}</td>
                <td>${percent(t.agreement)}</td>
                <td>${percent(t.accuracy)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p>
      <strong>Overall:</strong> ${
        decision.overall.map((c) => `${c.answer} ×${c.count}`).join(', ') || '—'
      }
    </p>
    <p><strong>Why:</strong> ${decision.reason}</p>`;
}

export function voteTemplate(trace: VoteTrace, name: Name): TemplateResult {
  return html`<p>
      ${trace.samplesPerModel} sample${trace.samplesPerModel === 1 ? '' : 's'} per
      model${trace.earlyStop ? ', stopped early: the first samples were unanimous' : ''}.
    </p>
    ${
      trace.decision
        ? decisionTable(trace.decision, name, 'Vote tally')
        : html`<p>No vote was taken.</p>`
    }`;
}

function verdictText(call: JudgeCall | undefined): TemplateResult | string {
  if (!call) return '—';
  if (call.error) return html`<span class="bad">no verdict (${call.error.kind})</span>`;
  if (!call.verdict) return html`<span class="bad">no verdict (unreadable output)</span>`;
  const winner =
    call.verdict.winner === 'tie' ? 'tie' : call.verdict.winner === 'A' ? call.first : call.second;
  return html`${winner}${
    call.verdict.reason ? html`<br /><span class="muted">${call.verdict.reason}</span>` : nothing
  }`;
}

export function bestOfTemplate(trace: BestOfTrace, name: Name): TemplateResult {
  return html`<p>
      Candidates (anonymised for the judge):
      ${trace.candidates.map((c, i) => html`${i ? ', ' : ''}${c.label} = ${name(c.memberId)}`)}
    </p>
    <div class="scroll">
      <table>
        <caption>
          Pairwise judging, both orders
        </caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col">Judge</th>
            <th scope="col">Shown first, second</th>
            <th scope="col">Verdict</th>
            <th scope="col">Swapped</th>
            <th scope="col">Verdict</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          ${trace.pairs.map((p) => {
            const [one, two] = p.orders;
            return html`<tr>
              <th scope="row">${p.a} vs ${p.b}</th>
              <td>${one ? name(one.judgeId) : '—'}${p.selfJudged ? ' (judged own answer)' : ''}</td>
              <td>${one ? `${one.first}, ${one.second}` : '—'}</td>
              <td>${verdictText(one)}</td>
              <td>${two ? `${two.first}, ${two.second}` : '—'}</td>
              <td>${verdictText(two)}</td>
              <td>
                <strong>${p.outcome === 'win' ? `${p.winner} wins` : p.outcome}</strong>
                <br /><span class="muted">${p.note}</span>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <div class="scroll">
      <table>
        <caption>
          Ranking
        </caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Wins</th>
            <th scope="col">Losses</th>
            <th scope="col">Ties</th>
            <th scope="col">No verdict</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          ${trace.ranking.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.label} (${name(r.memberId)})</th>
                <td>${r.wins}</td>
                <td>${r.losses}</td>
                <td>${r.ties}</td>
                <td>${r.noVerdicts}</td>
                <td>${r.score}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${trace.fallback ? fallbackTemplate(trace.fallback.reason, trace.fallback.vote, name) : nothing}`;
}

export function fallbackTemplate(reason: string, vote: VoteDecision, name: Name): TemplateResult {
  return html`<div class="fallback" role="note">
    <p><strong>Judge fallback:</strong> ${reason}</p>
    ${decisionTable(vote, name, 'Fallback vote')}
  </div>`;
}

export function mergeTemplate(trace: MergeTrace, name: Name): TemplateResult {
  const list = (title: string, items: string[]) =>
    html`<div>
      <h4>${title}</h4>
      ${
        items.length
          ? html`<ul>
              ${items.map((item) => html`<li>${item}</li>`)}
            </ul>`
          : html`<p class="muted">None named.</p>`
      }
    </div>`;
  return html`<p>Aggregator: ${trace.aggregatorId ? name(trace.aggregatorId) : '—'}.</p>
    ${
      trace.synthesisSkipped
        ? html`<p class="skipped">
            <strong>Synthesis skipped — unanimous.</strong> The answers already agreed, so the
            agreed answer is shown as it is.
          </p>`
        : nothing
    }
    ${
      trace.analysis
        ? html`<div class="analysis">
            ${list('Consensus', trace.analysis.consensus)}
            ${list('Contradictions', trace.analysis.contradictions)}
            ${list('Unique points', trace.analysis.unique)}
            ${list('Blind spots', trace.analysis.blindSpots)}
          </div>`
        : trace.analysisRaw
          ? html`<p>The analysis could not be read as structured output; as written:</p>
              <pre>${trace.analysisRaw}</pre>`
          : nothing
    }
    ${
      trace.agreement && !trace.fallback
        ? decisionTable(trace.agreement, name, 'Agreement between the answers')
        : nothing
    }
    ${trace.fallback ? fallbackTemplate(trace.fallback.reason, trace.fallback.vote, name) : nothing}`;
}

export function debateTemplate(trace: DebateTrace, name: Name): TemplateResult {
  const first = trace.round0Vote?.winnerAnswer ?? '—';
  const last = trace.finalVote?.winnerAnswer ?? '—';
  return html`<div class="versus">
      <div>
        <h4>Round 0 (before debate)</h4>
        <p class="big">${first}</p>
      </div>
      <div>
        <h4>
          Final answer (after ${trace.rounds.length - 1}
          round${trace.rounds.length === 2 ? '' : 's'})
        </h4>
        <p class="big">${last}</p>
      </div>
    </div>
    <p>
      <strong
        >Debate ${trace.changedByDebate ? 'changed' : 'did not change'} the voted answer.</strong
      >
    </p>
    <div class="scroll">
      <table>
        <caption>
          Answers by round
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            ${trace.rounds.map((r) => html`<th scope="col">Round ${r.round}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${trace.agents.map(
            (agent) =>
              html`<tr>
                <th scope="row">${agent.agentId} (${name(agent.memberId)})</th>
                ${trace.rounds.map((r) => {
                  const entry = r.entries.find((e) => e.agentId === agent.agentId);
                  if (!entry) return html`<td>—</td>`;
                  return html`<td>
                    ${entry.answer.value}${
                      r.round > 0 && entry.changed
                        ? html` <span class="pill">changed</span>`
                        : nothing
                    }
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${trace.finalVote ? decisionTable(trace.finalVote, name, 'Final vote') : nothing}`;
}
