import { Alert, Button, Result, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../../shared/contracts/transfer';
import { ImportOpenStep } from './import-open-step';
import { ImportPreviewStep } from './import-preview-step';

type State =
  | { step: 'open'; discarded: boolean }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'done'; result: ImportResult };

/** 导入: open (checks, staging) → preview → confirm or discard → result. */
export function ImportWizard({ onOpenConflicts }: { onOpenConflicts: (() => void) | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'open', discarded: false });
  const current = state.step === 'open' ? 0 : state.step === 'preview' ? 1 : 2;
  const opened = (preview: ImportPreview) => setState({ step: 'preview', preview });
  const applied = (result: ImportResult) => setState({ step: 'done', result });
  const restart = (discarded: boolean) => setState({ step: 'open', discarded });
  return (
    <div data-testid="import-wizard">
      <Steps
        current={current}
        size="small"
        style={{ marginBottom: 24, maxWidth: 700 }}
        items={[
          { title: t('transfer.import.steps.open') },
          { title: t('transfer.import.steps.preview') },
          { title: t('transfer.import.steps.done') },
        ]}
      />
      {state.step === 'open' ? (
        <>
          {state.discarded ? (
            <Alert
              type="info"
              showIcon
              closable
              title={t('transfer.import.discarded')}
              style={{ marginBottom: 16, maxWidth: 760 }}
              data-testid="import-discarded"
            />
          ) : null}
          <ImportOpenStep onOpened={opened} />
        </>
      ) : null}
      {state.step === 'preview' ? (
        <ImportPreviewStep preview={state.preview} onApplied={applied} onDiscarded={() => restart(true)} />
      ) : null}
      {state.step === 'done' ? (
        <Result
          status={state.result.conflicts > 0 ? 'warning' : 'success'}
          title={
            state.result.conflicts > 0
              ? t('transfer.import.doneWithConflicts', { count: state.result.conflicts })
              : t('transfer.import.doneTitle')
          }
          subTitle={
            <span data-testid="import-result">
              {t('transfer.import.doneSubtitle', {
                changed: state.result.changed,
                conflicts: state.result.conflicts,
                attachments: state.result.attachmentsStored,
              })}
            </span>
          }
          extra={
            <Space>
              {state.result.conflicts > 0 && onOpenConflicts ? (
                <Button type="primary" onClick={onOpenConflicts} data-testid="import-open-conflicts">
                  {t('transfer.import.openConflicts')}
                </Button>
              ) : null}
              <Button onClick={() => restart(false)} data-testid="import-again">
                {t('transfer.import.again')}
              </Button>
            </Space>
          }
        />
      ) : null}
    </div>
  );
}
