package dev.cspctl.apply;

import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.plan.Op;
import dev.cspctl.plan.Step;

/**
 * Runs one step against the APIs: dispatches its operation, exhaustively, to the class that does
 * it.
 */
final class StepRunner implements StepAction {
  private final ApplyContext ctx;
  private final ResourceSteps resources;
  private final VersionSteps versions;
  private final ContentSteps content;

  StepRunner(ApplyContext ctx) {
    this.ctx = ctx;
    this.resources = new ResourceSteps(ctx);
    this.content = new ContentSteps(ctx);
    this.versions = new VersionSteps(ctx, content);
  }

  @Override
  public StepResult run(Step step, Ancestors ancestors) {
    Inputs in = new Inputs(ancestors, ctx.live(), ctx.personalize());
    try {
      return step.op().accept(new Dispatch(in));
    } catch (RemoteApiException e) {
      throw new ApplyException(e.getMessage(), e);
    }
  }

  static ResourceRef ref(String kind, String name) {
    return ResourceRef.of(kind, name);
  }

  /**
   * One step's dispatch: every operation kind has its method, so a new kind must be handled here.
   */
  private final class Dispatch implements Op.Visitor<StepResult> {
    private final Inputs in;

    Dispatch(Inputs in) {
      this.in = in;
    }

    @Override
    public StepResult visit(Op.CreateAttribute op) {
      return resources.createAttribute(op);
    }

    @Override
    public StepResult visit(Op.UpdateAttribute op) {
      return resources.updateAttribute(op);
    }

    @Override
    public StepResult visit(Op.CreateEvent op) {
      return resources.createEvent(op);
    }

    @Override
    public StepResult visit(Op.UpdateEvent op) {
      return resources.updateEvent(op);
    }

    @Override
    public StepResult visit(Op.CreateAudience op) {
      return resources.createAudience(op, in);
    }

    @Override
    public StepResult visit(Op.UpdateAudience op) {
      return resources.updateAudience(op, in);
    }

    @Override
    public StepResult visit(Op.CreateExperience op) {
      return resources.createExperience(op);
    }

    @Override
    public StepResult visit(Op.UpdateExperience op) {
      return resources.updateExperience(op);
    }

    @Override
    public StepResult visit(Op.PauseVersion op) {
      return versions.pause(op, in);
    }

    @Override
    public StepResult visit(Op.CreateDraftVersion op) {
      return versions.createDraft(op, in);
    }

    @Override
    public StepResult visit(Op.ConfigureVersion op) {
      return versions.configure(op, in);
    }

    @Override
    public StepResult visit(Op.LinkContentTypes op) {
      return content.link(op, in);
    }

    @Override
    public StepResult visit(Op.UpsertEntryVariant op) {
      return content.upsert(op, in);
    }

    @Override
    public StepResult visit(Op.PublishEntryVariants op) {
      return content.publish(op, in);
    }

    @Override
    public StepResult visit(Op.ActivateVersion op) {
      return versions.activate(op, in);
    }

    @Override
    public StepResult visit(Op.RefreshCms op) {
      return versions.refresh(op, in);
    }

    @Override
    public StepResult visit(Op.SetPriority op) {
      return new PriorityStep(ctx).run(op, in);
    }

    @Override
    public StepResult visit(Op.DeleteEntryVariant op) {
      return content.delete(op);
    }

    @Override
    public StepResult visit(Op.DeleteExperience op) {
      return resources.deleteExperience(op);
    }

    @Override
    public StepResult visit(Op.DeleteAudience op) {
      return resources.deleteAudience(op);
    }

    @Override
    public StepResult visit(Op.DeleteEvent op) {
      return resources.deleteEvent(op);
    }

    @Override
    public StepResult visit(Op.DeleteAttribute op) {
      return resources.deleteAttribute(op);
    }
  }
}
