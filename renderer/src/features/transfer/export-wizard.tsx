import { Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, ExportScopeInput } from '../../../../shared/contracts/transfer';
import { ExportPreviewStep, type Includes } from './export-preview-step';
import { ExportResultView } from './export-result';
import { ExportScopeStep, type ExportScope } from './export-scope-step';
import { ExportTargetStep } from './export-target-step';

const NONE: Includes = { includeSealed: false, includeProtected: false };

/** 导出: scope → preview → medium → result. Nothing is written before the last step's button. */
export function ExportWizard() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [scope, setScope] = useState<ExportScope | null>(null);
  const [includes, setIncludes] = useState<Includes>(NONE);
  const [result, setResult] = useState<ExportResult | null>(null);
  const input: Omit<ExportScopeInput, 'includeSealed' | 'includeProtected'> | null = scope
    ? { caseIds: scope.allCases ? 'all' : scope.caseIds, recipients: scope.recipients, mode: scope.mode }
    : null;

  return (
    <div data-testid="export-wizard">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24, maxWidth: 900 }}
        items={[
          { title: t('transfer.export.steps.scope') },
          { title: t('transfer.export.steps.preview') },
          { title: t('transfer.export.steps.target') },
          { title: t('transfer.export.steps.done') },
        ]}
      />
      {step === 0 ? (
        <ExportScopeStep
          initial={scope}
          onNext={(s) => {
            setScope(s);
            setIncludes(NONE);
            setStep(1);
          }}
        />
      ) : null}
      {step === 1 && input ? (
        <ExportPreviewStep
          scope={input}
          includes={includes}
          onIncludes={setIncludes}
          onBack={() => setStep(0)}
          onNext={() => setStep(2)}
        />
      ) : null}
      {step === 2 && input ? (
        <ExportTargetStep
          input={{ ...input, ...includes }}
          onBack={() => setStep(1)}
          onDone={(r) => {
            setResult(r);
            setStep(3);
          }}
        />
      ) : null}
      {step === 3 && result ? (
        <ExportResultView
          result={result}
          onAgain={() => {
            setResult(null);
            setScope(null);
            setStep(0);
          }}
        />
      ) : null}
    </div>
  );
}
