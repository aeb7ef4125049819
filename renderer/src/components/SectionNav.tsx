import { SegmentedControl } from '@mantine/core';
import { useJobStore, type Section } from '../stores/useJobStore';

export function SectionNav() {
  const section = useJobStore((state) => state.section);
  const showSection = useJobStore((state) => state.showSection);
  return (
    <SegmentedControl
      aria-label="Section"
      value={section}
      onChange={(value) => showSection(value as Section)}
      data={[
        { value: 'sites', label: 'Sites' },
        { value: 'jobs', label: 'Jobs' },
      ]}
    />
  );
}
