import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createClient, memoryStore } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-provider.js';

const client = createClient({ store: memoryStore(), actor: { id: 'story-worker', role: 'str-worker', name: 'Story Worker' } });

const meta = {
  title: 'Foundations/Provider',
  component: 'str-provider',
  render: () => html`<str-provider .client=${client}>
    <p>Every STR Kit widget placed inside this provider receives the host's client.</p>
  </str-provider>`,
} satisfies Meta;
export default meta;
type Story = StoryObj;

export const Default: Story = {};
