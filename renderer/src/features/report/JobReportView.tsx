import { Table } from '@mantine/core';
import type { JobReport, RingOutcome } from '../../../../shared/jobs';

const RING_MARK: Record<RingOutcome, string> = {
  passed: '✓ Passed',
  notConfirmedByPlatform: '✗ Not confirmed by the platform',
  anotherDesk: '✗ Wrong desk',
  nothingRang: '✗ Nothing rang',
  awaitingConfirmation: '… Not confirmed',
  notRung: '– Not rung',
};

const LOGIN_WORDS = {
  registered: 'Logged in, registered',
  requested: 'Login asked, not registered',
  notLoggedIn: 'Not logged in',
} as const;

const STATE_WORDS: Record<string, string> = {
  done: '✓ Done',
  excepted: '✓ With exceptions',
  queued: '… Waiting to sync',
  needsAttention: '! Needs attention',
  blocked: '– Blocked',
};

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The report as a document: plain headings and tables in reading order, so it prints (and
 * reads aloud) as it looks. Every value comes from `report`; nothing here decides anything.
 */
export function JobReportView({
  report,
  madeAt,
  nested = false,
}: {
  report: JobReport;
  madeAt: string;
  /** Inside another page (an opened bundle): its headings one level down, under that page's h1. */
  nested?: boolean;
}) {
  const signed = report.signOff;
  const Title = nested ? 'h2' : 'h1';
  const Section = nested ? 'h3' : 'h2';
  return (
    <article className="job-report" aria-labelledby="report-title">
      <header className="job-report-head">
        <Title id="report-title" className="job-report-title">
          Installation report
        </Title>
        <p className="job-report-lead">
          Voice services for <strong>{report.occupier.name}</strong> at{' '}
          <strong>{report.site.name}</strong>
        </p>
        <dl className="job-report-facts">
          <dt>Site</dt>
          <dd>
            {report.site.name}, {report.site.address} ({report.site.region})
          </dd>
          <dt>Occupier</dt>
          <dd>
            {report.occupier.name}
            {report.occupier.contact ? ` · contact ${report.occupier.contact}` : ''}
          </dd>
          <dt>Main number</dt>
          <dd>{report.mainNumber ?? 'None'} (inbound only, on no handset)</dd>
          <dt>Engineer</dt>
          <dd>{report.engineerName ?? 'Not given when the job was started'}</dd>
          <dt>Job started</dt>
          <dd>{when(report.startedAt)}</dd>
          <dt>Signed off</dt>
          <dd>
            {signed
              ? `${signed.signerName} (${signed.signerRole}), ${when(signed.at)}`
              : 'Not signed off yet: this is a draft'}
          </dd>
        </dl>
        {report.unsynced > 0 && (
          <p className="job-report-note">
            When this report was made,{' '}
            {report.unsynced === 1
              ? '1 change of this job had not reached the platform'
              : `${report.unsynced} changes of this job had not reached the platform`}
            : {report.unsyncedChanges.join('; ')}.
          </p>
        )}
      </header>

      <section aria-labelledby="report-numbers">
        <Section id="report-numbers" className="job-report-section">
          Numbers, handsets and desks
        </Section>
        {report.numbers.length === 0 ? (
          <p>No service number is active for this occupier.</p>
        ) : (
          <Table aria-labelledby="report-numbers" className="job-report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Ext.</Table.Th>
                <Table.Th>Handset</Table.Th>
                <Table.Th>Desk (floor port · space)</Table.Th>
                <Table.Th>Login</Table.Th>
                <Table.Th>Ring test</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.numbers.map((n) => (
                <Table.Tr key={n.e164} data-number={n.e164}>
                  <Table.Td className="nowrap">{n.e164}</Table.Td>
                  <Table.Td>{n.extension}</Table.Td>
                  <Table.Td>
                    {n.handsetModel ? (
                      <>
                        {n.handsetModel}
                        <br />
                        <span className="mono">{n.handsetMac}</span>
                      </>
                    ) : (
                      'None chosen'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {n.floorPort ? `${n.floorPort}${n.space ? ` · ${n.space}` : ''}` : 'Unknown'}
                  </Table.Td>
                  <Table.Td>
                    {LOGIN_WORDS[n.login]}
                    {n.loginMethod ? ` (${n.loginMethod})` : ''}
                  </Table.Td>
                  <Table.Td>
                    <strong>{RING_MARK[n.ring.outcome]}</strong>
                    {n.ring.outcome !== 'notRung' && (
                      <>
                        <br />
                        {n.ring.words}
                        {n.ring.at ? `, ${when(n.ring.at)}` : ''}
                      </>
                    )}
                    {n.ring.cause && <span className="job-report-cause">{n.ring.cause}</span>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="report-changes">
        <Section id="report-changes" className="job-report-section">
          What was changed
        </Section>
        {report.changes.length === 0 ? (
          <p>Nothing was changed on the platform or the switches in this job.</p>
        ) : (
          <Table aria-labelledby="report-changes" className="job-report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Change</Table.Th>
                <Table.Th>Where it stands</Table.Th>
                <Table.Th>When</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.changes.map((c, i) => (
                <Table.Tr key={`${c.at}-${i}`}>
                  <Table.Td>{c.what}</Table.Td>
                  <Table.Td>{c.statusWords}</Table.Td>
                  <Table.Td className="nowrap">{when(c.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="report-exceptions">
        <Section id="report-exceptions" className="job-report-section">
          Exceptions
        </Section>
        {report.exceptions.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <Table aria-labelledby="report-exceptions" className="job-report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Step</Table.Th>
                <Table.Th>Open finding</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Who, when</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.exceptions.map((e, i) => (
                <Table.Tr key={`${e.at}-${i}`}>
                  <Table.Td>{e.step}</Table.Td>
                  <Table.Td>{e.finding}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td>
                    {e.by}, {when(e.at)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="report-steps">
        <Section id="report-steps" className="job-report-section">
          Checklist
        </Section>
        <Table aria-labelledby="report-steps" className="job-report-table">
          <Table.Tbody>
            {report.steps.map((s) => (
              <Table.Tr key={s.title}>
                <Table.Th scope="row">{s.title}</Table.Th>
                <Table.Td className="nowrap">{STATE_WORDS[s.state] ?? s.state}</Table.Td>
                <Table.Td>{s.summary}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <footer className="job-report-foot">
        Made {when(madeAt)} by Dialtone from the job&apos;s own journal ({report.eventCount} events)
        · job {report.jobId}
      </footer>
    </article>
  );
}
